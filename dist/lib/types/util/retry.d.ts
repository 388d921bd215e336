import { sleep } from './sleep.js';
interface BackoffOptions {
    /** Delay cap for the first retry, in ms; doubles each attempt. */
    baseMs: number;
    /** Upper bound of any single delay, in ms. */
    maxMs: number;
    /** Injected for tests; Math.random by default. */
    random?: () => number;
}
/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(max, base * 2^attempt)).
 * Spreads retries of many clients apart instead of synchronising them.
 * `attempt` is 0 for the first retry.
 */
export declare function backoffDelay(attempt: number, opts: BackoffOptions): number;
/**
 * Parses a Retry-After header (delta seconds or HTTP date) into ms from `now`.
 * Returns undefined when absent or unreadable.
 */
export declare function parseRetryAfter(value: string | null | undefined, now?: number): number | undefined;
export { sleep };
