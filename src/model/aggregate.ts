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

export const PERCENTILES: Partial<Record<Aggregate, number>> = { p50: 50, p90: 90, p95: 95, p99: 99 };

/**
 * THE numeric reading of a field value, or null — one definition for value rules and the numeric
 * filters (gt/gte/lt/lte), in the file scan, the oracle and both stores' SQL: a finite JSON number,
 * or a string that is a decimal number (optional sign, digits with an optional fraction or a fraction
 * alone, optional exponent: `12`, `-1.5`, `+3`, `.5`, `5.`, `1e3`) whose value as JavaScript's
 * Number() reads it is finite. Not numbers: `""`, `" 12 "` (no spaces), `"0x10"`, `"12abc"`, `"1_000"`,
 * `"Infinity"`, `"NaN"`, `"1e400"` (overflows), booleans, null, objects. `"1e-400"` reads as 0.
 */
export function numericValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  if (!DECIMAL.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
/** Optional sign, digits with an optional fraction (or a fraction alone), optional exponent. No spaces, no hex, no "Infinity". */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** 1-based rank of the nearest-rank percentile `p` (1..100) among n ≥ 1 values: ceil(p·n/100), exact in integers. */
export function percentileRank(p: number, n: number): number {
  const pn = p * n; // integers below 2^53 for any window a process can hold
  return Math.max(1, Math.floor((pn + 99) / 100));
}

/**
 * The aggregate of `values` (the entries' numeric values in the window, any order). `timestamps`
 * (aligned with values) is needed only for `last`. Null when there are no values.
 */
export function aggregate(kind: Aggregate, values: ArrayLike<number>, timestamps?: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  switch (kind) {
    case 'max': {
      let m = -Infinity;
      for (let i = 0; i < n; i++) if ((values[i] as number) > m) m = values[i] as number;
      return m + 0;
    }
    case 'min': {
      let m = Infinity;
      for (let i = 0; i < n; i++) if ((values[i] as number) < m) m = values[i] as number;
      return m + 0;
    }
    case 'sum':
      return exactSum(values) + 0;
    case 'avg':
      return exactSum(values) / n + 0;
    case 'last': {
      if (!timestamps || timestamps.length !== n) throw new Error('aggregate last: timestamps aligned with the values are required');
      let bestTs = -Infinity;
      let best = -Infinity;
      for (let i = 0; i < n; i++) {
        const t = timestamps[i] as number;
        const v = values[i] as number;
        if (t > bestTs || (t === bestTs && v > best)) {
          bestTs = t;
          best = v;
        }
      }
      return best + 0;
    }
    default: {
      const p = PERCENTILES[kind];
      if (p === undefined) throw new Error(`unknown aggregate ${String(kind)}`);
      const sorted = Float64Array.from(values).sort();
      return (sorted[percentileRank(p, n) - 1] as number) + 0;
    }
  }
}

/**
 * The exact sum of finite doubles rounded once to the nearest double (Shewchuk's algorithm with
 * non-overlapping partials, as Python's math.fsum). Falls back to ±Infinity when the exact sum
 * overflows the double range.
 */
export function exactSum(values: ArrayLike<number>): number {
  const partials: number[] = [];
  for (let k = 0; k < values.length; k++) {
    let x = values[k] as number;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j] as number;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
    if (!Number.isFinite(x)) return naiveSum(values);
  }
  // Sum the partials from the top, with the half-way correction for correct rounding.
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n] as number;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}

function naiveSum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}
