import { aggregate, numericValue } from '../model/aggregate.js';
import type { Aggregate } from '../model/series.js';
import { upperBound, type Window } from '../model/window.js';

/**
 * Value series for sources that read entries themselves (files, stdin, URLs): the scan keeps, per
 * series and group, each matching entry's timestamp and numeric value (`valueOf`; entries without a
 * numeric value are only counted as skipped), then `windowAggregates` answers every window with the
 * exact aggregates of src/model/aggregate.ts. Stores push the same definitions down.
 */

/** The numeric value of an entry's field (a JSON number or a finite decimal string), or null: skipped. */
export function valueOf(fieldValue: unknown): number | null {
  return numericValue(fieldValue);
}

/** Timestamps and values collected in any order → both sorted by timestamp (stable), as typed arrays. */
export function sortPoints(ts: ArrayLike<number>, values: ArrayLike<number>): { ts: Float64Array; values: Float64Array } {
  const n = ts.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if ((ts[i] as number) < (ts[i - 1] as number)) sorted = false;
  if (!sorted) order.sort((a, b) => (ts[a] as number) - (ts[b] as number) || a - b);
  const outTs = new Float64Array(n);
  const outV = new Float64Array(n);
  order.forEach((j, i) => {
    outTs[i] = ts[j] as number;
    outV[i] = values[j] as number;
  });
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
