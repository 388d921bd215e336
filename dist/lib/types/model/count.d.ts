import type { Level } from './levels.js';
import type { Window } from './window.js';
/**
 * Where counts come from. Files collect timestamps and answer by binary search;
 * databases push the count down. One call per evaluation run asks for every
 * (level, window) pair needed, so a store can answer in one round trip.
 */
export interface CountProvider {
    /** counts[i][j] = entries at levels[i] in windows[j]. `sources` limits to named sources (all when undefined). */
    count(query: CountQuery): Promise<CountResult>;
}
export interface CountQuery {
    levels: Level[];
    windows: Window[];
    sources?: string[];
}
export interface CountResult {
    counts: number[][];
    stats: SourceStats[];
}
/** Per source: what was read and what could not be. Unreadable lines are counted, never fatal. */
export interface SourceStats {
    source: string;
    linesRead: number;
    unreadable: number;
    /** A few examples of unreadable lines (truncated), for the report. */
    unreadableSamples?: string[];
    bytesRead?: number;
    /**
     * Lines of a large source that the byte prefilter proved are not an entry in any window asked for,
     * so they were counted in linesRead but not parsed: `unreadable` does not cover them (src/logs/scan).
     */
    unchecked?: number;
    /** Bytes at the start of a time-ordered file that were not read, being before every window (src/logs/scan). */
    skippedBytes?: number;
    /** The line format read with (`json`, `python-logging`, `docker (logfmt)`, `regex`…); files, stdin and URLs. */
    format?: string;
    /** The format was detected from the first lines (the source names none). */
    formatDetected?: boolean;
    /** The formats tried: every candidate when detected, else the one named. */
    formatsTried?: string[];
    /** Entries whose timestamp had no zone, read in `timezone`. */
    zonelessTimes?: number;
    /** The zone zone-less timestamps were read in (the source's `timezone`, else UTC). */
    timezone?: string;
    /** The source named no timezone, yet some timestamps had none: they were read as UTC (report it). */
    timezoneAssumed?: boolean;
    /**
     * Most of the lines could not be read (of every line when all were parsed, else of the first lines
     * sampled): the report warns, or the run fails when the source says `on_unreadable: error`.
     */
    mostlyUnreadable?: boolean;
    /** Earliest and latest timestamp (ISO, UTC) among the entries parsed; lines the prefilter skipped are not among them. */
    firstEntryAt?: string;
    lastEntryAt?: string;
}
/** Progress of reading a source, for progress bars. */
export type ProgressFn = (p: {
    source: string;
    bytesRead: number;
    bytesTotal?: number;
}) => void;
