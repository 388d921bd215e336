import { aggregate } from '../model/aggregate.js';
import type { Aggregate, GroupCounts } from '../model/series.js';
import { countInWindow, upperBound, type Window } from '../model/window.js';

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
export function sortPoints(ts: ArrayLike<number>, values: ArrayLike<number>): { ts: Float64Array; values: Float64Array } {
  const n = ts.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if ((ts[i] as number) < (ts[i - 1] as number)) sorted = false;
  if (sorted) return { ts: Float64Array.from(ts), values: Float64Array.from(values) };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (ts[a] as number) - (ts[b] as number) || a - b);
  const outTs = new Float64Array(n);
  const outV = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    outTs[i] = ts[order[i]!] as number;
    outV[i] = values[order[i]!] as number;
  }
  return { ts: outTs, values: outV };
}

/** The aggregate of the values in each window (from, to] over points sorted by timestamp; null for a window without values. */
export function windowAggregates(
  points: { ts: Float64Array; values: Float64Array },
  windows: readonly Window[],
  kind: Aggregate,
): (number | null)[] {
  return windows.map((w) => {
    const a = upperBound(points.ts, w.fromMs);
    const b = upperBound(points.ts, w.toMs);
    if (b <= a) return null;
    return aggregate(kind, points.values.subarray(a, b), points.ts.subarray(a, b));
  });
}

/**
 * One group of a value series from the scan: `ts` and `values` aligned, in read order, a value NaN when
 * the entry's field was missing or not numeric. Counts every entry per window; aggregates the numeric
 * values per window; the others are counted in skippedValues (over the whole span, as the contract says).
 */
export function valueGroup(
  ts: ArrayLike<number>,
  values: ArrayLike<number>,
  windows: readonly Window[],
  kind: Aggregate,
): Pick<GroupCounts, 'counts' | 'values' | 'skippedValues'> {
  const all = sortPoints(ts, values);
  const counts = windows.map((w) => countInWindow(all.ts, w));
  let numeric = 0;
  // The numeric points, compacted in place (time order kept): the counts above were taken first.
  for (let i = 0; i < all.values.length; i++) {
    if (Number.isNaN(all.values[i]!)) continue;
    all.ts[numeric] = all.ts[i]!;
    all.values[numeric++] = all.values[i]!;
  }
  const points = { ts: all.ts.subarray(0, numeric), values: all.values.subarray(0, numeric) };
  return { counts, values: windowAggregates(points, windows, kind), skippedValues: all.values.length - numeric };
}
