import type { Window } from './types.js';

const MINUTE = 60_000;

export interface TickPlan {
  /** Evaluation ticks (epoch ms, multiples of the interval), oldest first. */
  ticks: number[];
  /** Grid ticks since the watermark that were older than the catch-up limit and not evaluated. */
  skipped: number;
}

/**
 * Which ticks a run evaluates. Ticks sit on the UTC grid of `intervalMinutes`; a run covers every tick
 * after the watermark up to the last one at or before `nowMs`, because scheduled runs are delayed and
 * dropped. Catch-up goes back at most `maxCatchupMinutes`; a first run (no watermark) evaluates only
 * the latest tick.
 */
export function planTicks(watermarkMs: number | null, nowMs: number, intervalMinutes: number, maxCatchupMinutes: number): TickPlan {
  const step = intervalMinutes * MINUTE;
  const last = Math.floor(nowMs / step) * step;
  if (watermarkMs === null) return { ticks: [last], skipped: 0 };
  const first = Math.floor(watermarkMs / step) * step + step;
  if (first > last) return { ticks: [], skipped: 0 };
  const oldestAllowed = last - Math.floor((maxCatchupMinutes * MINUTE) / step) * step;
  const start = Math.max(first, oldestAllowed);
  const ticks: number[] = [];
  for (let t = start; t <= last; t += step) ticks.push(t);
  return { ticks, skipped: (start - first) / step };
}

/** The window a rule counts at tick t: (t − window, t]. */
export function windowAt(tickMs: number, windowMinutes: number): Window {
  return { fromMs: tickMs - windowMinutes * MINUTE, toMs: tickMs };
}

/** Entries of an ascending timestamp array in (from, to], by two binary searches. */
export function countInWindow(sorted: ArrayLike<number>, window: Window): number {
  return upperBound(sorted, window.toMs) - upperBound(sorted, window.fromMs);
}

/** Index of the first element greater than x. */
function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
