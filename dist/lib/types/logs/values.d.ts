import type { Aggregate, GroupCounts } from '../model/series.js';
import { type Window } from '../model/window.js';
/**
 * Value series (value rules, issue 15) from the one pass of src/logs/provider.ts, for every source that
 * reads entries itself (files, globs, .gz, stdin, URLs): while the scan counts, it keeps per series and
 * group each matching entry's timestamp and the field's numeric value (NaN when missing or not numeric,
 * src/logs/scan/block-scanner.ts); `valueGroup` then answers every window with the counts and the exact
 * aggregates of src/model/aggregate.ts. Stores push the same definitions down (src/logs/stores).
 *
 * Memory (docs/lifecycle.md, "Cost"): exact percentiles need every value of a window, so a value series
 * keeps 16 bytes per matching entry in the run's span (timestamp + value; a count series keeps the 8-byte
 * timestamp alone, or only counts per window when a run has few: block-scanner.ts `counted`), per distinct series — rules with the same selection, group_by, field and aggregate
 * share one — and per group, bounded by the group limit. Answering adds, per group and only while that
 * group is answered, a sorted copy (16 bytes per entry, 4 more for the order when the entries were not
 * read in time order) and, per window, the copy of its values that a percentile sorts.
 */
/** Timestamps and values collected in any order → both sorted by timestamp (stable), as typed arrays. */
export declare function sortPoints(ts: ArrayLike<number>, values: ArrayLike<number>): {
    ts: Float64Array;
    values: Float64Array;
};
/** The aggregate of the values in each window (from, to] over points sorted by timestamp; null for a window without values. */
export declare function windowAggregates(points: {
    ts: Float64Array;
    values: Float64Array;
}, windows: readonly Window[], kind: Aggregate): (number | null)[];
/**
 * One group of a value series from the scan: `ts` and `values` aligned, in read order, a value NaN when
 * the entry's field was missing or not numeric. Counts every entry per window; aggregates the numeric
 * values per window; the others are counted in skippedValues (over the whole span, as the contract says).
 */
export declare function valueGroup(ts: ArrayLike<number>, values: ArrayLike<number>, windows: readonly Window[], kind: Aggregate): Pick<GroupCounts, 'counts' | 'values' | 'skippedValues'>;
