import type { EvaluateOptions, EvaluateReport } from './types.js';
/**
 * One scheduled evaluation: every tick since the watermark (bounded catch-up), decided with the seed's
 * rule, handed to delivery, then the state saved atomically.
 *
 * Delivery is at-least-once: state is saved only after delivery returns, so a run that dies between
 * deciding and saving leaves the old state, and the next run decides (and delivers) those ticks again.
 * A fire that could not be delivered still sets last_triggered_at (as the seed does); the webhook's
 * failure counter, not a re-fire, is what tracks a failing receiver.
 */
export declare function runEvaluation(opts: EvaluateOptions): Promise<EvaluateReport>;
