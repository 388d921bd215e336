const MINUTE = 60_000;

interface TickPlan {
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
