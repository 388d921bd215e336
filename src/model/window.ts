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
