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
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const random = opts.random ?? Math.random;
  const cap = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt);
  return Math.floor(random() * cap);
}

/**
 * Parses a Retry-After header (delta seconds or HTTP date) into ms from `now`.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export { sleep };
