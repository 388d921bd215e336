import type { Level } from '../model/levels.js';
import { type FormatOption } from '../model/log-format.js';
import { type LogRecord } from './formats.js';
import { type TimeReader } from './formats-time.js';
import { type Prefilter } from './scan/prefilter.js';
/**
 * A source's line format, as plain data (it travels to scan worker threads): what the source names,
 * or what detection chose from its first lines.
 */
export interface FormatSpec {
    /**
     * `default` (JSON or logfmt, per line: today's reader), a built-in name, `regex`, or `auto`/absent:
     * detect from the first lines.
     */
    name?: string;
    regex?: string;
    flags?: string;
    /** Docker json-file: the format of the lines inside `log` (detected from them when absent). */
    inner?: string;
    /** Zone for timestamps without one: IANA name or offset (default UTC). */
    timezone?: string;
    /** A year-less syslog time is taken in the year that puts it at most 7 days after this (default: now). */
    referenceMs?: number;
    /** What the report calls it: `python-logging`, `docker (json)`, `json`… */
    label?: string;
    /** Chosen by detection, not named by the source. */
    detected?: boolean;
    /** The formats detection tried (in order), or the one the source named. */
    tried?: string[];
}
/** A format ready to read lines. One per scan: `time.zoneless` counts what it read without a zone. */
export interface LineFormat {
    readonly label: string;
    readonly time: TimeReader;
    parse(text: string): LogRecord | undefined;
    /**
     * For detection: 0 when `parse` cannot read the line, 1 when it reads it with a guessed level
     * (syslog without PRI), 2 when the level is written in its own place.
     */
    rank(text: string): 0 | 1 | 2;
    /** Lines starting with `{` are read as JSON objects (a truncated one is unreadable whatever else). */
    readonly jsonLines: boolean;
    prefilter(levels: readonly Level[]): Prefilter;
    /** Whether a candidate line (latin1) could have its time in (fromMs, toMs]; true when unsure. */
    timeFilter(fromMs: number, toMs: number): (line: string) => boolean;
    /** timeFilter over many lines at once (a superset of the lines it passes), where the format has one. */
    timePrefilter?(fromMs: number, toMs: number): Prefilter | undefined;
}
/** The user-facing `format` option → a spec (names and aliases resolved; `auto` left for detection). */
export declare function formatSpecOf(option: FormatOption | undefined, timezone: string | undefined, referenceMs?: number): FormatSpec;
/** Whether the spec still needs a sample of lines to pick the format (or Docker's inner format). */
export declare function needsDetection(spec: FormatSpec): boolean;
/** What detection found in the sample, under the chosen format. */
export interface SampleStats {
    lines: number;
    unreadable: number;
    /** The first unreadable sample line (cut to 120 characters), for the report when the prefilter skipped the rest. */
    example?: string;
}
/**
 * Picks the format that reads the most of `lines` (the first non-blank lines of the source); between
 * formats that read as many, the one that guessed the fewest levels (see LineFormat.rank); then the
 * earlier candidate; JSON/logfmt (the default reader) when nothing reads anything. A named format is
 * kept (only Docker's inner format and `syslog`'s RFC are filled in). The tie-break is in docs/formats.md.
 */
export declare function resolveFormat(spec: FormatSpec, sample: string[]): {
    spec: FormatSpec;
    sample: SampleStats;
};
/** The reader for one resolved spec (see resolveFormat); `auto` reads as JSON/logfmt. */
export declare function createLineFormat(spec: FormatSpec): LineFormat;
