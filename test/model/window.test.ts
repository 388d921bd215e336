import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsInWindows, windowAt } from '../../src/model/window.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);

describe('countsInWindows', () => {
  it('counts (from, to] over timestamps in any order, with few windows (one pass) or many (sorted)', () => {
    // Timestamps on window edges and 1 ms either side; 1–20 windows, so both paths (8 and fewer, more than 8) are taken.
    const ts = fc.array(
      fc.tuple(fc.integer({ min: -30, max: 5 }), fc.constantFrom(-1, 0, 1, 17_000)).map(([m, d]) => T0 + m * MIN + d),
      { maxLength: 300 },
    );
    const windows = fc.array(
      fc.tuple(fc.integer({ min: -20, max: 5 }), fc.integer({ min: 1, max: 15 })).map(([t, w]) => windowAt(T0 + t * MIN, w)),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(ts, windows, (times, ws) => {
        const brute = ws.map((w) => times.filter((t) => t > w.fromMs && t <= w.toMs).length);
        expect(countsInWindows(times, ws)).toEqual(brute);
        expect(countsInWindows(Float64Array.from(times), ws)).toEqual(brute);
      }),
      { numRuns: 400 },
    );
  });

  it('an entry exactly at the window start is out, exactly at its end is in, on both paths', () => {
    const w = windowAt(T0, 5);
    const times = [T0 - 5 * MIN, T0 - 5 * MIN + 1, T0, T0 + 1];
    expect(countsInWindows(times, [w])).toEqual([2]);
    expect(
      countsInWindows(
        times,
        Array.from({ length: 9 }, () => w),
      ),
    ).toEqual(Array.from({ length: 9 }, () => 2));
    expect(countsInWindows([], [w])).toEqual([0]);
  });
});
