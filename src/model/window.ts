/** A half-open-at-the-start window (from, to] in epoch ms: entries with from < ts <= to count. */
export interface Window {
  fromMs: number;
  toMs: number;
}

const MINUTE = 60_000;

/** The window a rule counts at tick t: (t − window, t]. */
export function windowAt(tickMs: number, windowMinutes: number): Window {
  return { fromMs: tickMs - windowMinutes * MINUTE, toMs: tickMs };
}

/** Entries of an ascending timestamp array in (from, to], by two binary searches. */
export function countInWindow(sorted: ArrayLike<number>, window: Window): number {
  return upperBound(sorted, window.toMs) - upperBound(sorted, window.fromMs);
}

/**
 * Up to this many windows are counted entry by entry (addToWindows: a loop over the windows per
 * entry); more, by sorting the timestamps once.
 */
export const LINEAR_WINDOWS = 8;

/** Adds one to counts[j] for each window j (its bounds in from[j], to[j]) that holds t: from < t <= to. */
export function addToWindows(counts: number[], t: number, from: readonly number[], to: readonly number[]): void {
  for (let j = 0; j < counts.length; j++) if (t > from[j]! && t <= to[j]!) counts[j]!++;
}

/**
 * Entries of `ts` (any order) in each window. A scan answers one tick, or a few, far more often than a
 * catch-up's many: those are counted in one pass, without the sorted copy (8 bytes an entry) and the sort.
 */
export function countsInWindows(ts: ArrayLike<number>, windows: readonly Window[]): number[] {
  if (windows.length > LINEAR_WINDOWS) {
    const sorted = new Float64Array(ts.length);
    for (let i = 0; i < ts.length; i++) sorted[i] = ts[i] as number;
    sorted.sort();
    return windows.map((w) => countInWindow(sorted, w));
  }
  const counts = windows.map(() => 0);
  const from = windows.map((w) => w.fromMs);
  const to = windows.map((w) => w.toMs);
  for (let i = 0; i < ts.length; i++) addToWindows(counts, ts[i] as number, from, to);
  return counts;
}

/** Index of the first element greater than x in an ascending array. */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
