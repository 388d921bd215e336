import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/model/aggregate.js';
import { AGGREGATES } from '../../src/model/series.js';
import { sortPoints, valueGroup, windowAggregates } from '../../src/logs/values.js';

describe('value series over windows', () => {
  it('each window equals the aggregate of the points in (from, to], looked at one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -100, max: 100 })), { maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 55 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...AGGREGATES),
        (pts, wins, kind) => {
          const points = sortPoints(
            pts.map((p) => p[0]),
            pts.map((p) => p[1]),
          );
          const windows = wins.map(([to, len]) => ({ fromMs: to - len, toMs: to }));
          const got = windowAggregates(points, windows, kind);
          windows.forEach((w, i) => {
            const inside = pts.filter(([t]) => t > w.fromMs && t <= w.toMs);
            expect(got[i]).toBe(
              aggregate(
                kind,
                inside.map((p) => p[1]),
                inside.map((p) => p[0]),
              ),
            );
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('valueGroup: counts every entry, aggregates the numeric ones, counts the rest as skipped (any read order)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.option(fc.integer({ min: -100, max: 100 }), { nil: NaN })), {
          maxLength: 60,
        }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 55 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...AGGREGATES),
        (pts, wins, kind) => {
          const windows = wins.map(([to, len]) => ({ fromMs: to - len, toMs: to }));
          const got = valueGroup(
            pts.map((p) => p[0]),
            pts.map((p) => p[1]),
            windows,
            kind,
          );
          const numeric = pts.filter(([, v]) => !Number.isNaN(v));
          expect(got.skippedValues).toBe(pts.length - numeric.length);
          windows.forEach((w, i) => {
            const inWindow = (t: number) => t > w.fromMs && t <= w.toMs;
            expect(got.counts[i]).toBe(pts.filter(([t]) => inWindow(t)).length);
            const inside = numeric.filter(([t]) => inWindow(t));
            expect(got.values![i]).toBe(
              aggregate(
                kind,
                inside.map((p) => p[1]),
                inside.map((p) => p[0]),
              ),
            );
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
