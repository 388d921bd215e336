import type { SourceStats } from '../../model/count.js';
import { type FormatSpec, type SampleStats } from '../formats-source.js';
import { type Level } from '../../model/levels.js';
import { type SeriesSpec } from '../../model/series.js';
import { type Window } from '../../model/window.js';
/** The format of a source that names none is detected from its first lines: this many bytes of them, at most SAMPLE_LINES lines. */
export declare const SAMPLE_BYTES: number;
export interface ScanSpec {
    /** Level counts (CountQuery): timestamps per level in `times`. Unused when `series` is set. */
    levels: Level[];
    /**
     * Series counts (SeriesQuery): timestamps (or counts per window, see `windows`) per series and
     * group in `series`. Filters are evaluated on the parsed entry. The byte prefilter looks for the
     * union of the series' level names when it is not every level; otherwise every line in the time
     * span is parsed.
     */
    series?: SeriesSpec[];
    /** Distinct groups tracked per series (default DEFAULT_GROUP_LIMIT); later groups are dropped and counted. */
    groupLimit?: number;
    /** Entries count when fromMs < ts <= toMs (the span of every window asked for). */
    fromMs: number;
    toMs: number;
    /**
     * The windows the counts are for, when known and few (see countedWindows): series without values
     * then count each entry into them as it is read, instead of keeping its timestamp — 200 rules over
     * a busy window would otherwise keep millions, and merge and sort them.
     */
    windows?: Window[];
    /** Parse every line, not only the prefilter's candidates, so `unreadable` covers every line. */
    checkEveryLine?: boolean;
    /** The line format (formats-source.ts); detected from the first lines when it names none. Default: JSON/logfmt per line. */
    format?: FormatSpec & {
        sample?: SampleStats;
    };
}
/** The format a scan used, for the report. */
interface ScanFormat {
    label: string;
    detected: boolean;
    tried: string[];
    timezone: string;
    /** The first non-blank lines (up to SAMPLE_LINES) read with the format: how many, how many unreadable. */
    sample?: SampleStats;
}
/** One series' entries in the span, per group (key: JSON of the group values; "[]" ungrouped). */
export interface SeriesScan {
    /**
     * Per group: the entries' timestamps, or — when `counted` — the number of entries in each of the
     * spec's windows (ScanSpec.windows), which is all a count series needs of them.
     */
    groups: Map<string, number[]>;
    /** `groups` holds counts per window, not timestamps. */
    counted?: true;
    /** Value series: per group, the field's numeric value of each entry in `groups` (same order; NaN when not numeric). */
    values?: Map<string, number[]>;
    /** Keys of groups not tracked because of the group limit (kept up to DROPPED_KEYS_KEPT, then counted). */
    dropped: Set<string>;
    /** Dropped groups beyond the kept keys (each counted once per range; a lower bound is never claimed exact). */
    droppedOverflow: number;
}
/** What one scan of a byte range found: timestamps per wanted level within the span, and stats. */
export interface ScanResult {
    times: Map<Level, number[]>;
    /** Set when the spec has `series`: aligned with it. */
    series?: SeriesScan[];
    linesRead: number;
    unreadable: number;
    unchecked: number;
    samples: string[];
    bytesRead: number;
    /** Timestamps of the parsed lines in file order broke "ordered" (see order.ts) by more than the slack. */
    disordered: boolean;
    /** Largest timestamp among parsed readable lines (-Infinity when none). */
    maxTs: number;
    /** Set when the scan has begun (after detection, for a source that names no format). */
    format?: ScanFormat;
    /** Entries read whose timestamp had no zone (read in format.timezone). */
    zoneless: number;
    /** Earliest and latest timestamp of the entries parsed (±Infinity when none); lines the prefilter skipped are not among them. */
    firstTs: number;
    lastTs: number;
}
/**
 * Counts lines the way the reference line-by-line path (test/helpers/reference-scan.ts) does, from raw bytes: lines split on \n,
 * blank lines skipped, lines over MAX_LINE_BYTES counted unreadable, the rest read by parseLine —
 * but only the prefilter's candidates are decoded and parsed; the others are counted in linesRead
 * and `unchecked`. Feed it chunks in order; it keeps at most one partial line (≤ 1 MiB).
 */
export declare class BlockScanner {
    private readonly spec;
    private readonly slackMs?;
    readonly result: ScanResult;
    private readonly wanted;
    private format;
    private prefilter;
    private mayBeInSpan;
    private timePrefilter?;
    /** Candidates per byte of the last slice where each prefilter ran over the whole slice. */
    private levelDensity;
    private timeDensity;
    private slices;
    /** The candidates of the current slice still need the level prefilter, line by line. */
    private levelPending;
    /** The candidates of the current slice passed the time prefilter (the seconds of the span, or a maybe). */
    private timeFiltered;
    /** The current slice re-measures (see candidates()): every per-line test runs, and how many lines each turns away is noted. */
    private sampling;
    /**
     * Of the candidates each per-line test looked at on the recent samples, the share it turned away. A
     * test that turns away few costs more than the parses it saves: it is skipped until the next
     * sample, and those lines are parsed and judged exactly instead.
     */
    private readonly levelRejects;
    private readonly timeRejects;
    /** Slices by how the prefilters were combined (see candidates()): for tests and profiles. */
    readonly combinations: {
        level: number;
        time: number;
        both: number;
    };
    /** Slices whose candidates went without a per-line test (see levelRejects): for tests and profiles. */
    readonly skippedTests: {
        level: number;
        time: number;
    };
    /** Chunks held back until the format is detected from them (sources that name no format). */
    private head;
    private headBytes;
    private readonly matchers?;
    private readonly groupLimit;
    /** Series mode: the levels the prefilter looks for, or undefined when the series take every level between them (every line is a candidate). */
    private readonly prefilterLevels?;
    private pending;
    private pendingBytes;
    /** The spec's windows (counted series), as two lists for the per-entry loop. */
    private readonly windowFrom;
    private readonly windowTo;
    private skipping;
    /** `slackMs`: when set, parsed timestamps are checked to be ordered within it (see order.ts). */
    constructor(spec: ScanSpec, slackMs?: number | undefined, startMaxTs?: number);
    private begin;
    /** Detects the format from the held-back head, then scans it. */
    private detect;
    feed(chunk: Buffer): void;
    private feedDetected;
    /** The stream ended: a last line without \n still counts. */
    end(): ScanResult;
    private keep;
    private finishPending;
    /** Lines in buf[start, end), each ending in \n. */
    private block;
    /**
     * The line buf[ls, nl) for the line count: blank, or not (then maybe a JSON line cut short, counted
     * unreadable here); a line over MAX_LINE_BYTES is counted read and unreadable here, and is BLANK to the caller.
     */
    private kindOf;
    /**
     * Starts of the lines in a slice that may be wanted entries in the span. Each prefilter is a
     * superset, so any combination is exact: the level prefilter alone (the time filter then runs on
     * its lines), the time prefilter first (then both per line: levelPending), or both over the slice,
     * intersected. The cheapest by the densities last measured; both run every RESAMPLE_SLICES slices.
     */
    private candidates;
    /** One line, decoded and parsed whatever the prefilter would say (partial lines, checkEveryLine). */
    private line;
    private read;
    /** Adds an entry in the span to every series it matches, under its group. */
    private count;
    /** A counted series: the entry adds one to each of its group's windows that holds `ts`. */
    private countIn;
    private oversized;
    private unreadable;
}
/** The first non-blank lines of a head of bytes (a last partial line included), for format detection. */
export declare function sampleLines(head: Buffer): string[];
/** The windows a scan may count into, or undefined when there are too many to test per entry. */
export declare const countedWindows: (windows: Window[]) => Window[] | undefined;
/** A series with nothing yet; counted (see SeriesScan) when the scan has windows and the series keeps no values. */
export declare const emptySeriesScan: (spec: SeriesSpec, windows?: Window[]) => SeriesScan;
/**
 * Adds the groups of `b` (a later range, or another source) into `a`, in order: a group new to `a`
 * is tracked while `a` is under the limit, else dropped and counted.
 */
export declare function mergeSeriesScans(a: SeriesScan[], b: SeriesScan[], groupLimit?: number): void;
/** Adds `b` (a later range of the same source) into `a`. */
export declare function mergeResults(a: ScanResult, b: ScanResult, groupLimit?: number): ScanResult;
export declare function toStats(source: string, r: ScanResult, skippedBytes?: number, timezoneNamed?: boolean): SourceStats;
export {};
