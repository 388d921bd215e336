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
export declare function planTicks(watermarkMs: number | null, nowMs: number, intervalMinutes: number, maxCatchupMinutes: number): TickPlan;
export {};
