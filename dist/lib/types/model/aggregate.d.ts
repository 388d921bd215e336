import type { Aggregate } from './series.js';
/**
 * Exact aggregates of a numeric field over a window (value rules, issue 15). One definition shared by
 * every source: the file provider computes it here, the oracle calls it, the stores push the same
 * definition down (docs/lifecycle.md, "Aggregates").
 *
 * - Values: a JSON number, or a string that is a finite decimal number (`numericValue`); anything else
 *   (missing, null, booleans, objects, "12ms", "", NaN/Infinity) is skipped and counted as skipped.
 * - max / min: the largest / smallest value.
 * - sum: the exact sum of the values, rounded once to the nearest double (ties to even), so it does not
 *   depend on the order the entries were read in (a store may sum the values exactly, e.g. as numeric,
 *   and convert the result once).
 * - avg: that sum divided by the number of values (one double division).
 * - last: the value of the entry with the latest timestamp; among entries with the same latest
 *   timestamp, the largest value (so the answer never depends on read order).
 * - pN (p50, p90, p95, p99): the nearest-rank percentile. With the n values sorted ascending
 *   v[1] ≤ … ≤ v[n], pN = v[r] where r = ceil(N · n / 100), computed in integers. It is always one of
 *   the values (never interpolated); PostgreSQL's percentile_disc(N / 100.0) is this definition
 *   (see `percentileRank` for the one place a float fraction can disagree).
 * - An empty window (no numeric value) has no aggregate: null.
 * - −0 is reported as 0.
 */
export declare const PERCENTILES: Partial<Record<Aggregate, number>>;
/**
 * THE numeric reading of a field value, or null — one definition for value rules and the numeric
 * filters (gt/gte/lt/lte), in the file scan, the oracle and both stores' SQL: a finite JSON number,
 * or a string that is a decimal number (optional sign, digits with an optional fraction or a fraction
 * alone, optional exponent: `12`, `-1.5`, `+3`, `.5`, `5.`, `1e3`) whose value as JavaScript's
 * Number() reads it is finite. Not numbers: `""`, `" 12 "` (no spaces), `"0x10"`, `"12abc"`, `"1_000"`,
 * `"Infinity"`, `"NaN"`, `"1e400"` (overflows), booleans, null, objects. `"1e-400"` reads as 0.
 */
export declare function numericValue(v: unknown): number | null;
/** 1-based rank of the nearest-rank percentile `p` (1..100) among n ≥ 1 values: ceil(p·n/100), exact in integers. */
export declare function percentileRank(p: number, n: number): number;
/**
 * The aggregate of `values` (the entries' numeric values in the window, any order). `timestamps`
 * (aligned with values) is needed only for `last`. Null when there are no values.
 */
export declare function aggregate(kind: Aggregate, values: ArrayLike<number>, timestamps?: ArrayLike<number>): number | null;
/**
 * The exact sum of finite doubles rounded once to the nearest double (Shewchuk's algorithm with
 * non-overlapping partials, as Python's math.fsum). Falls back to ±Infinity when the exact sum
 * overflows the double range.
 */
export declare function exactSum(values: ArrayLike<number>): number;
