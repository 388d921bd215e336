import type { SourceStats } from './count.js';
import type { Level } from './levels.js';
import type { Window } from './window.js';
/**
 * The richer count contract (rule filters, level sets, group-by, ratios, values). One query per run
 * and source set asks for every series × window, so files are read once and stores answer in one
 * round trip. A plain rule (one level, no filter) is a series with `levels: [level]` and no `where`:
 * its counts equal the level × window counts of CountQuery exactly.
 *
 * Field semantics shared by every source (file scan, oracle, PostgreSQL, ClickHouse):
 * - `field` names a key of the entry. `message` is the format's message field (msg, message, …).
 *   A dotted path `a.b.c` is the top-level key "a.b.c" when the entry has one, else the nested path.
 *   logfmt and text-format fields are strings; JSON values keep their JSON types.
 * - The string form of a value: a string as is; a number as JSON writes it; true/false; objects,
 *   arrays and null have none (they never equal, contain or match anything).
 * - equals / not_equals / one_of / contains compare string forms (so `500` equals "status":500 and
 *   status=500); not_equals also holds when the field is missing.
 * - matches: an unanchored regular expression over the string form (the portable subset: no
 *   look-around, no backreferences, no `(?` groups other than `(?:`, no \p{…}; no flags, so it is
 *   case-sensitive; validated when the rule file loads — src/model/filter.ts regexProblem).
 * - exists: the field is present and not null.
 * - gt / gte / lt / lte: numeric; a finite JSON number, or a string that is a finite decimal number
 *   (numericValue in src/model/aggregate.ts, the same reading as value rules); anything else makes
 *   the condition false. The rule's value
 *   is always a number.
 * - Group keys (group_by) are string forms too, null when the field has none (missing, null, object,
 *   array): `"host":7` and `host=7` are the same group "7".
 *
 * src/model/filter.ts implements these for parsed entries (file, stdin, URL sources).
 */
export declare const FILTER_OPS: readonly ["equals", "not_equals", "one_of", "contains", "matches", "exists", "gt", "gte", "lt", "lte"];
export type FilterOp = (typeof FILTER_OPS)[number];
export type Scalar = string | number | boolean;
export interface Filter {
    field: string;
    op: FilterOp;
    /** Absent for exists; an array for one_of; a number for the numeric comparisons. */
    value?: Scalar | Scalar[];
}
/** Which entries count: at one of `levels` (all five = any level) and every filter holds. */
export interface Selection {
    levels: Level[];
    where: Filter[];
}
export declare const AGGREGATES: readonly ["max", "min", "avg", "sum", "last", "p50", "p90", "p95", "p99"];
export type Aggregate = (typeof AGGREGATES)[number];
export interface SeriesSpec {
    selection: Selection;
    /** Fields whose values split the series into groups (one alert instance per distinct tuple). */
    groupBy?: string[];
    /** An aggregate of a numeric field over each window (value rules). */
    value?: {
        field: string;
        aggregate: Aggregate;
    };
}
export interface SeriesQuery {
    series: SeriesSpec[];
    windows: Window[];
    /** Limits to named sources (all when undefined). */
    sources?: string[];
    /**
     * Grouped series: at most this many distinct groups are tracked per series (default
     * DEFAULT_GROUP_LIMIT); entries of further groups are dropped and the groups counted in
     * truncatedGroups. Bounds memory however many distinct values the logs hold.
     */
    groupLimit?: number;
}
/** Distinct groups a source tracks per series unless the query says otherwise. */
export declare const DEFAULT_GROUP_LIMIT = 100000;
/** A canonical key of a spec: specs with equal keys count the same entries (rules share one series). */
export declare function seriesKey(spec: SeriesSpec): string;
export interface GroupCounts {
    /** The group_by values in order; null where the entry has no such field. [] for an ungrouped series. */
    key: (string | null)[];
    /** Matching entries per window, aligned with SeriesQuery.windows. */
    counts: number[];
    /** Value series: the aggregate per window; null where no entry in the window had a numeric value. */
    values?: (number | null)[];
    /** Value series: matching entries in the span whose field was missing or not numeric. */
    skippedValues?: number;
}
export interface SeriesCounts {
    /** Ungrouped: exactly one group with key []. Grouped: every group with an entry in some window. */
    groups: GroupCounts[];
    /** Groups not tracked because of the memory bound (never silently: reported by the evaluator). */
    truncatedGroups: number;
}
export interface SeriesResult {
    series: SeriesCounts[];
    stats: SourceStats[];
}
export interface SeriesProvider {
    countSeries(query: SeriesQuery): Promise<SeriesResult>;
}
