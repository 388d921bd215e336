import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/model/levels.js';
import { countInWindow, windowAt } from '../../src/model/window.js';
import { planTicks } from '../../src/evaluate/ticks.js';
import { decideRule } from '../../src/evaluate/decide.js';
import { isoSeconds } from '../../src/model/time.js';
import { oracleCount, oracleFires, type Entry } from '../helpers/oracle.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);

/** Timestamps on whole minutes, or 1 ms either side, so window edges are hit often. */
const edgeyTs = (spanMin: number) =>
  fc.tuple(fc.integer({ min: -spanMin, max: spanMin }), fc.constantFrom(-1, 0, 0, 1, 29_000)).map(([m, d]) => T0 + m * MIN + d);

function sortedTimes(entries: Entry[], level: Entry['level']): Float64Array {
  return Float64Array.from(entries.filter((e) => e.level === level).map((e) => e.ts)).sort();
}

describe('windows', () => {
  it('counts (t − window, t]: an entry exactly at t − window is out, exactly at t is in', () => {
    const t = T0;
    expect(countInWindow(Float64Array.from([t - 5 * MIN]), windowAt(t, 5))).toBe(0);
    expect(countInWindow(Float64Array.from([t]), windowAt(t, 5))).toBe(1);
    expect(countInWindow(Float64Array.from([t - 5 * MIN, t - 5 * MIN + 1, t - 1, t, t + 1]), windowAt(t, 5))).toBe(3);
  });

  it('agrees with the brute-force oracle for random entries and windows', () => {
    const entry = fc.record({ ts: edgeyTs(40), level: fc.constantFrom(...LEVELS) });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 20, maxLength: 300, size: 'large' }),
        fc.constantFrom(...LEVELS),
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (entries, level, k, w) => {
          // Ticks on the 5-minute grid, and windows whose edges land exactly on some entries.
          const t = T0 + k * 5 * MIN;
          expect(countInWindow(sortedTimes(entries, level), windowAt(t, w))).toBe(oracleCount(entries, level, t - w * MIN, t));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planTicks', () => {
  it('a first run evaluates only the latest grid tick at or before now', () => {
    expect(planTicks(null, T0 + 3 * MIN + 7_000, 5, 1440)).toEqual({ ticks: [T0], skipped: 0 });
  });

  it('catches up every tick missed since the watermark, and nothing already evaluated', () => {
    expect(planTicks(T0, T0 + 17 * MIN, 5, 1440)).toEqual({ ticks: [T0 + 5 * MIN, T0 + 10 * MIN, T0 + 15 * MIN], skipped: 0 });
    expect(planTicks(T0 + 15 * MIN, T0 + 17 * MIN, 5, 1440)).toEqual({ ticks: [], skipped: 0 });
  });

  it('stops at the catch-up limit and reports the ticks it skipped', () => {
    const plan = planTicks(T0, T0 + 60 * MIN, 5, 20);
    expect(plan.ticks).toEqual([T0 + 40 * MIN, T0 + 45 * MIN, T0 + 50 * MIN, T0 + 55 * MIN, T0 + 60 * MIN]);
    expect(plan.skipped).toBe(7);
  });
});

describe('decideRule', () => {
  const rule = { enabled: true, threshold: 3, window_minutes: 10 };

  it('fires at count >= threshold and not again within the window, across catch-up ticks', () => {
    const ticks = [0, 5, 10, 15, 20].map((m) => T0 + m * MIN);
    const d = decideRule(rule, ticks, [3, 9, 9, 2, 4], null);
    expect(d.fires).toEqual([
      { tickMs: T0, match_count: 3 },
      { tickMs: T0 + 10 * MIN, match_count: 9 },
      { tickMs: T0 + 20 * MIN, match_count: 4 },
    ]);
    expect(d.lastTriggeredMs).toBe(T0 + 20 * MIN);
  });

  it('honours a last_triggered_at carried over from an earlier run', () => {
    expect(decideRule(rule, [T0], [5], T0 - 9 * MIN).fires).toEqual([]);
    expect(decideRule(rule, [T0], [5], T0 - 10 * MIN).fires).toEqual([{ tickMs: T0, match_count: 5 }]);
  });

  it('never fires a disabled rule and keeps its last_triggered_at', () => {
    expect(decideRule({ ...rule, enabled: false }, [T0], [100], T0 - 60 * MIN)).toEqual({ fires: [], lastTriggeredMs: T0 - 60 * MIN });
  });

  it('matches the oracle for random logs, rules, evaluation times and catch-up', () => {
    const entry = fc.record({ ts: edgeyTs(40), level: fc.constantFrom(...LEVELS) });
    const ruleArb = fc.record({
      level: fc.constantFrom(...LEVELS),
      threshold: fc.integer({ min: 1, max: 8 }),
      window_minutes: fc.integer({ min: 1, max: 30 }),
      enabled: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 20, maxLength: 200, size: 'large' }),
        ruleArb,
        fc.option(fc.integer({ min: -90, max: 90 }), { nil: null }),
        fc.integer({ min: -60, max: 90 }),
        fc.option(fc.integer({ min: -120, max: 60 }), { nil: null }),
        (entries, r, watermarkMin, nowMin, lastMin) => {
          const plan = planTicks(watermarkMin === null ? null : T0 + watermarkMin * MIN, T0 + nowMin * MIN + 1234, 5, 60);
          const last = lastMin === null ? null : T0 + lastMin * MIN;
          const sorted = sortedTimes(entries, r.level);
          const counts = plan.ticks.map((t) => countInWindow(sorted, windowAt(t, r.window_minutes)));
          expect(decideRule(r, plan.ticks, counts, last).fires).toEqual(oracleFires(entries, r, plan.ticks, last));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes triggered_at as ISO 8601 UTC without milliseconds', () => {
    expect(isoSeconds(T0)).toBe('2026-04-26T12:00:00Z');
  });
});
