// decideInstances (grouped, ratio and fewer_than rules) and planTicks at their edges: which groups a
// max_groups cut keeps, in which order, what a fire and the carried instance state hold.
import { describe, expect, it } from 'vitest';
import { decideInstances } from '../../src/evaluate/decide.js';
import { planTicks } from '../../src/evaluate/ticks.js';

type MeasuredTick = Parameters<typeof decideInstances>[1][number];

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const grouped = { enabled: true, threshold: 1, window_minutes: 10, max_groups: 2, fewer_than: false, grouped: true };

function tick(tickMs: number, groups: Record<string, number>): MeasuredTick {
  return {
    tickMs,
    instances: Object.entries(groups).map(([host, count]) => ({
      key: host,
      group: { host },
      count,
      measured: count,
      met: count >= 1,
    })),
  };
}

describe('decideInstances over max_groups', () => {
  it('at_least: the highest measures fire, the rest are counted as truncated', () => {
    const d = decideInstances(grouped, [tick(T0, { a: 3, b: 9, c: 5 })], null, new Map());
    expect(d.fires).toEqual([
      { tickMs: T0, key: 'b', group: { host: 'b' }, match_count: 9 },
      { tickMs: T0, key: 'c', group: { host: 'c' }, match_count: 5 },
    ]);
    expect(d.truncated).toEqual([1]);
    expect(d.lastTriggeredMs).toBe(T0);
  });

  it('fewer_than: the lowest measures fire', () => {
    const d = decideInstances({ ...grouped, fewer_than: true }, [tick(T0, { a: 3, b: 9, c: 5 })], null, new Map());
    expect(d.fires.map((f) => f.key)).toEqual(['a', 'c']);
  });

  it('ties are broken by group key, ascending', () => {
    const d = decideInstances({ ...grouped, max_groups: 3 }, [tick(T0, { c: 4, a: 4, d: 4, b: 4 })], null, new Map());
    expect(d.fires.map((f) => f.key)).toEqual(['a', 'b', 'c']);
    expect(d.truncated).toEqual([1]);
  });

  it('the carried instance state keeps each fired group, and a truncated group is due next tick', () => {
    const d = decideInstances(grouped, [tick(T0, { a: 3, b: 9, c: 5 }), tick(T0 + 5 * MIN, { a: 3, b: 9, c: 5 })], null, new Map());
    expect(d.fires.map((f) => [f.tickMs, f.key])).toEqual([
      [T0, 'b'],
      [T0, 'c'],
      [T0 + 5 * MIN, 'a'],
    ]);
    expect(d.instances.get('a')).toEqual({ group: { host: 'a' }, lastTriggeredMs: T0 + 5 * MIN });
    expect(d.instances.get('b')).toEqual({ group: { host: 'b' }, lastTriggeredMs: T0 });
  });
});

describe('decideInstances, other cases', () => {
  it('a disabled rule never fires, truncates nothing and keeps its state', () => {
    const last = new Map([['b', { group: { host: 'b' }, lastTriggeredMs: T0 - 60 * MIN }]]);
    const d = decideInstances({ ...grouped, enabled: false }, [tick(T0, { a: 3, b: 9, c: 5 })], T0 - 60 * MIN, last);
    expect(d).toEqual({ fires: [], truncated: [0], lastTriggeredMs: T0 - 60 * MIN, instances: last });
  });

  it('an ungrouped ratio rule fires with its ratio; an ungrouped count rule without one; neither keeps instance state', () => {
    const rule = { ...grouped, grouped: false };
    const ratio = decideInstances(
      rule,
      [{ tickMs: T0, instances: [{ key: '', count: 3, denominator: 12, ratio: 0.25, measured: 0.25, met: true }] }],
      null,
      new Map(),
    );
    expect(ratio.fires).toEqual([{ tickMs: T0, key: '', match_count: 3, ratio: 0.25, denominator_count: 12 }]);
    expect(ratio.instances.size).toBe(0);
    const count = decideInstances(rule, [{ tickMs: T0, instances: [{ key: '', count: 3, measured: 3, met: true }] }], null, new Map());
    expect(count.fires).toEqual([{ tickMs: T0, key: '', match_count: 3 }]);
    expect(count.instances.size).toBe(0);
  });
});

describe('planTicks at the edge', () => {
  it('a run exactly one interval after the watermark evaluates that one tick', () => {
    expect(planTicks(T0, T0 + 5 * MIN, 5, 1440)).toEqual({ ticks: [T0 + 5 * MIN], skipped: 0 });
  });
});
