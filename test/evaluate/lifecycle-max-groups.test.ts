import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRuleLifecycle, settleRuns, type MeasuredTick } from '../../src/evaluate/lifecycle-run.js';
import {
  fromStoredInstance,
  runLifecycle,
  settleDeliveries,
  toStoredInstance,
  type LifecycleParams,
  type LifecycleState,
} from '../../src/evaluate/lifecycle.js';
import type { Rule } from '../../src/rules/schema.js';
import type { InstanceState } from '../../src/state/schema.js';
import { rulesFile } from '../deliver/support.js';

/**
 * max_groups on lifecycle rules (docs/lifecycle.md, "max_groups"): per tick at most max_groups
 * instances notify (fires, retries, re-notifications), highest value first (lowest for fewer_than),
 * ties by key; the rest are deferred (state as before the tick) and reported; resolves are never bounded
 * and never sent for an incident whose fire was not delivered.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const tick = (k: number) => T0 + k * 5 * MIN;
const key = (h: string) => JSON.stringify([h]);

function rule(fields: Record<string, unknown>): Rule {
  return rulesFile([
    {
      name: 'Disk almost full',
      notify_webhook: 'https://hooks.example.com/disk',
      level: 'info',
      group_by: ['host'],
      value: { field: 'disk_used_pct', aggregate: 'max' },
      threshold: 90,
      recovery_threshold: 85,
      ...fields,
    },
  ]).rules[0]!;
}

/** The state machine's parameters, read from the rule as docs/lifecycle.md states them. */
function lifecycleParams(r: Rule): LifecycleParams {
  const x = r as Rule & { comparison?: 'at_least' | 'fewer_than' };
  return {
    comparison: x.comparison ?? 'at_least',
    threshold: r.threshold,
    ...(r.recovery_threshold !== undefined ? { recoveryThreshold: r.recovery_threshold } : {}),
    pendingTicks: r.pending_ticks ?? 1,
    ...(r.renotify_minutes !== undefined ? { renotifyMs: r.renotify_minutes * MIN } : {}),
    notifyResolved: r.notify_resolved ?? true,
    noData: r.no_data ?? 'keep',
  };
}

/** Ticks from per-tick host → value maps (a host absent at a tick was not measured). */
function measured(r: Rule, perTick: Record<string, number>[], from = 1): MeasuredTick[] {
  const fewer = lifecycleParams(r).comparison === 'fewer_than';
  return perTick.map((vals, i) => ({
    tickMs: tick(from + i),
    instances: Object.entries(vals).map(([h, v]) => ({
      key: key(h),
      group: { host: h },
      count: 1,
      measured: v,
      met: fewer ? v < r.threshold : v >= r.threshold,
    })),
  }));
}

const eventsOf = (run: ReturnType<typeof runRuleLifecycle>) =>
  run.instances.flatMap((i) => i.events.map((e) => [i.group!.host, e.kind, (e.tickMs - T0) / (5 * MIN)]));

/** The stored instances after settling, every fire delivered (or none). */
function storedAfter(run: ReturnType<typeof runRuleLifecycle>, delivered: boolean): Record<string, InstanceState> {
  const outcomes = delivered ? undefined : [];
  const settled = settleRuns([run], outcomes ?? [], { assumeDelivered: delivered });
  return JSON.parse(JSON.stringify(settled.instances.get(run.rule.id))) as Record<string, InstanceState>;
}

describe('max_groups on lifecycle rules', () => {
  it('fires at most max_groups instances per tick, highest first; the others stay due and fire at the next tick', () => {
    const r = rule({ max_groups: 2 });
    const run = runRuleLifecycle(
      r,
      measured(r, [
        { a: 95, b: 92, c: 99, d: 91 },
        { a: 95, b: 92, c: 99, d: 91 },
      ]),
      undefined,
    );
    expect(eventsOf(run).sort()).toEqual(
      [
        ['c', 'fire', 1],
        ['a', 'fire', 1],
        ['b', 'fire', 2],
        ['d', 'fire', 2],
      ].sort(),
    );
    expect(run.truncated).toEqual([2, 0]);
  });

  it('fewer_than: lowest first; ties by group key', () => {
    const r = rule({ max_groups: 1, comparison: 'fewer_than', threshold: 10, recovery_threshold: 20, value: undefined });
    const run = runRuleLifecycle(
      r,
      measured(r, [
        { b: 3, a: 3, c: 1 },
        { b: 3, a: 3, c: 1 },
      ]),
      undefined,
    );
    expect(sortEvents(eventsOf(run))).toEqual(
      sortEvents([
        ['c', 'fire', 1],
        ['a', 'fire', 2],
      ]),
    );
    expect(run.truncated).toEqual([2, 1]);
  });

  it('a deferred instance that recovers before its turn never fired: no resolve, nothing left in the state', () => {
    const r = rule({ max_groups: 1 });
    const run = runRuleLifecycle(
      r,
      measured(r, [
        { a: 99, b: 95 },
        { a: 99, b: 50 },
      ]),
      undefined,
    );
    expect(eventsOf(run)).toEqual([['a', 'fire', 1]]);
    expect(run.truncated).toEqual([1, 0]);
    expect(Object.keys(storedAfter(run, true))).toEqual([key('a')]);
  });

  it('instances already firing beyond the bound still resolve, each resolve sent because its fire was delivered', () => {
    const r = rule({ max_groups: 1 });
    // Three hosts fire over three ticks (one per tick), then all recover at once while a new host breaches.
    const first = runRuleLifecycle(
      r,
      measured(r, [
        { a: 99, b: 95, c: 91 },
        { a: 99, b: 95, c: 91 },
        { a: 99, b: 95, c: 91 },
      ]),
      undefined,
    );
    expect(first.truncated).toEqual([2, 1, 0]);
    const stored = storedAfter(first, true);
    expect(Object.values(stored).map((s) => s.status)).toEqual(['firing', 'firing', 'firing']);
    const second = runRuleLifecycle(r, measured(r, [{ a: 10, b: 10, c: 10, d: 97, e: 96 }], 4), stored);
    expect(eventsOf(second).sort()).toEqual(
      [
        ['a', 'resolve', 4],
        ['b', 'resolve', 4],
        ['c', 'resolve', 4],
        ['d', 'fire', 4],
      ].sort(),
    );
    expect(second.truncated).toEqual([1]);
    const settled = settleRuns([second], [], { assumeDelivered: true });
    expect(settled.resolves.map((d) => d.group!.host).sort()).toEqual(['a', 'b', 'c']);
  });

  it('a re-notification competes with new fires and is deferred, not lost', () => {
    const r = rule({ max_groups: 1, renotify_minutes: 5 });
    const first = runRuleLifecycle(r, measured(r, [{ a: 95 }]), undefined);
    const run = runRuleLifecycle(
      r,
      measured(
        r,
        [
          { a: 95, b: 97 },
          { a: 95, b: 97 },
        ],
        2,
      ),
      storedAfter(first, true),
    );
    // tick 2: b's fire (97) beats a's re-notification (95), which stays due (last_notified_at unchanged);
    // tick 3: a re-notifies (b's fire is not yet known delivered, so b has no re-notification to compete with).
    expect(sortEvents(eventsOf(run))).toEqual(
      sortEvents([
        ['b', 'fire', 2],
        ['a', 'renotify', 3],
      ]),
    );
    expect(run.truncated).toEqual([1, 0]);
    expect(storedAfter(run, true)[key('a')]!.last_notified_at).toBe(new Date(tick(3)).toISOString().replace('.000Z', 'Z'));
  });

  it('a retry of an undelivered fire deferred by the bound: if the instance recovers meanwhile, its resolve is not sent', () => {
    const r = rule({ max_groups: 1 });
    const first = runRuleLifecycle(r, measured(r, [{ a: 95 }]), undefined);
    const undelivered = storedAfter(first, false);
    expect(undelivered[key('a')]).toMatchObject({ status: 'firing', fire_delivered: false });
    // tick 2: b (99) takes the only slot, a's retry is deferred; tick 3: a recovers.
    const run = runRuleLifecycle(
      r,
      measured(
        r,
        [
          { a: 95, b: 99 },
          { a: 10, b: 99 },
        ],
        2,
      ),
      undelivered,
    );
    expect(eventsOf(run)).toEqual([
      ['a', 'resolve', 3],
      ['b', 'fire', 2],
    ]);
    const settled = settleRuns([run], [], { assumeDelivered: true });
    expect(settled.resolved.map((x) => [x.group!.host, x.notified, x.reason])).toEqual([['a', false, 'the fire was never delivered']]);
    expect(settled.resolves).toEqual([]);
  });

  it('matches a straightforward reference over random groups, values, bounds and runs; never more than max_groups notifications per tick', () => {
    const hosts = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(
        fc.record({
          comparison: fc.constantFrom('at_least' as const, 'fewer_than' as const),
          threshold: fc.integer({ min: 2, max: 8 }),
          band: fc.integer({ min: 0, max: 3 }),
          pending_ticks: fc.integer({ min: 1, max: 3 }),
          renotify_minutes: fc.option(fc.constantFrom(5, 10), { nil: undefined }),
          max_groups: fc.integer({ min: 1, max: 4 }),
        }),
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined, freq: 5 }), { minLength: 5, maxLength: 5 }), {
          minLength: 1,
          maxLength: 14,
        }),
        fc.integer({ min: 1, max: 13 }),
        fc.boolean(),
        (f, grid, cut, delivered) => {
          const r = rule({
            comparison: f.comparison,
            threshold: f.threshold,
            recovery_threshold: f.comparison === 'at_least' ? f.threshold - f.band : f.threshold + f.band,
            pending_ticks: f.pending_ticks,
            max_groups: f.max_groups,
            value: undefined,
            ...(f.renotify_minutes ? { renotify_minutes: f.renotify_minutes } : {}),
          });
          const perTick = grid.map((row) => Object.fromEntries(hosts.flatMap((h, i) => (row[i] === undefined ? [] : [[h, row[i]]]))));
          const ticks = measured(r, perTick);
          // Two runs (the first's fires delivered or not), the state through the state file between them.
          const a = runRuleLifecycle(r, ticks.slice(0, cut), undefined);
          const b = runRuleLifecycle(r, ticks.slice(cut), storedAfter(a, delivered));
          const ref1 = reference(r, ticks.slice(0, cut), {});
          const ref2 = reference(r, ticks.slice(cut), settleReference(ref1.states, ref1.startStates, ref1.events, delivered));
          expect([sortEvents(eventsOf(a)), a.truncated]).toEqual([sortEvents(ref1.list), ref1.truncated]);
          expect([sortEvents(eventsOf(b)), b.truncated]).toEqual([sortEvents(ref2.list), ref2.truncated]);
          for (const run of [a, b]) {
            const perTickCount = new Map<number, number>();
            for (const i of run.instances)
              for (const e of i.events) if (e.kind !== 'resolve') perTickCount.set(e.tickMs, (perTickCount.get(e.tickMs) ?? 0) + 1);
            for (const n of perTickCount.values()) expect(n).toBeLessThanOrEqual(f.max_groups);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

const sortEvents = (xs: unknown[][]) => [...xs].sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q)));

/**
 * The reference: tick by tick, each instance's one-tick batch of the state machine (runLifecycle), and
 * the bound applied by counting, for each notifying instance, how many others beat it.
 */
function reference(r: Rule, ticks: MeasuredTick[], stored: Record<string, LifecycleState>) {
  const p = lifecycleParams(r);
  const states = new Map<string, LifecycleState>(Object.entries(stored));
  for (const t of ticks) for (const m of t.instances) if (!states.has(m.key)) states.set(m.key, fromStoredInstance(undefined));
  const startStates = new Map(states);
  const events = new Map<string, ReturnType<typeof runLifecycle>['events']>();
  const list: (string | number)[][] = [];
  const truncated: number[] = [];
  for (const t of ticks) {
    const cands: { k: string; v: number; next: LifecycleState; ev: ReturnType<typeof runLifecycle>['events'] }[] = [];
    for (const [k, s] of states) {
      const m = t.instances.find((x) => x.key === k);
      if (!m && p.comparison === 'fewer_than') continue;
      const out = runLifecycle(s, [{ tickMs: t.tickMs, value: m ? m.measured : 0, matchCount: m ? m.count : 0 }], p);
      if (out.events.length > 0 && out.events[0]!.kind !== 'resolve')
        cands.push({ k, v: m ? m.measured! : 0, next: out.state, ev: out.events });
      else {
        states.set(k, out.state);
        for (const e of out.events) {
          list.push([JSON.parse(k)[0], e.kind, (e.tickMs - T0) / (5 * MIN)]);
          events.set(k, [...(events.get(k) ?? []), e]);
        }
      }
    }
    const beats = (x: (typeof cands)[number], y: (typeof cands)[number]) =>
      (p.comparison === 'fewer_than' ? x.v < y.v : x.v > y.v) || (x.v === y.v && x.k < y.k);
    let cut = 0;
    for (const c of cands) {
      if (cands.filter((o) => o !== c && beats(o, c)).length < r.max_groups!) {
        states.set(c.k, c.next);
        for (const e of c.ev) {
          list.push([JSON.parse(c.k)[0], e.kind, (e.tickMs - T0) / (5 * MIN)]);
          events.set(c.k, [...(events.get(c.k) ?? []), e]);
        }
      } else {
        cut++;
        states.set(c.k, { ...states.get(c.k)!, lastValue: c.v });
      }
    }
    truncated.push(cut);
  }
  return { states, startStates, events, list, truncated };
}

/** Settles the reference's instances (every fire delivered, or none) and stores them as the state file would. */
function settleReference(
  states: Map<string, LifecycleState>,
  starts: Map<string, LifecycleState>,
  events: Map<string, ReturnType<typeof runLifecycle>['events']>,
  delivered: boolean,
): Record<string, LifecycleState> {
  const out: Record<string, LifecycleState> = {};
  for (const [k, s] of states) {
    // Incident numbers are per batch in runLifecycle; recount them over the reference's one-tick batches.
    let incident = 0;
    const evs = (events.get(k) ?? []).map((e) => {
      if (e.kind === 'fire' && !e.retry) incident++;
      return { ...e, incident };
    });
    const settled = settleDeliveries(starts.get(k)!, s, evs, () => delivered).state;
    out[k] = fromStoredInstance(JSON.parse(JSON.stringify(toStoredInstance(settled, {}))) as InstanceState);
  }
  return out;
}
