import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/util/retry.js';

describe('backoffDelay (full jitter)', () => {
  it('is uniform in [0, min(max, base × 2^attempt))', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, { ...opts, random: () => 0.999 }))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(0);
    expect(backoffDelay(1, { ...opts, random: () => 0.5 })).toBe(100);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates; nothing for absent or unreadable values', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
