import type { Decision, DeliveryOutcome } from '../deliver/types.js';
import { isoSeconds } from '../model/time.js';
import { usesLifecycle } from '../rules/lifecycle-fields.js';
import type { Rule } from '../rules/schema.js';
import type { InstanceState } from '../state/schema.js';
import { maxGroups } from '../rules/selection.js';
import {
  fromStoredInstance,
  isQuiet,
  settleDeliveries,
  stepLifecycle,
  toStoredInstance,
  type LifecycleEvent,
  type LifecycleParams,
  type LifecycleState,
  type Observation,
} from './lifecycle.js';

/**
 * Glue between the evaluate core's measurements and the lifecycle state machine (src/evaluate/lifecycle.ts),
 * for every rule that uses the lifecycle (src/rules/lifecycle-fields.ts). Pure: evaluate and backtest
 * call it; run.ts delivers in two phases (fires first, then the resolves whose fire got through).
 */

/** What the core measured for one instance at one tick (src/evaluate/measure.ts InstanceMeasure, plus value rules' aggregate). */
interface MeasuredInstance {
  key: string;
  group?: Record<string, string | null>;
  /** Entries of the rule's selection in the window. */
  count: number;
  /** What is compared with the thresholds: the aggregate (value rules), the ratio, or the count; null: no data. */
  measured: number | null;
  /** The core's verdict on the threshold alone; false with a breaching value means "not eligible" (e.g. below min_denominator). */
  met: boolean;
}
export interface MeasuredTick {
  tickMs: number;
  instances: MeasuredInstance[];
}

function lifecycleParams(rule: Rule): LifecycleParams {
  const r = rule as Rule & { comparison?: 'at_least' | 'fewer_than' };
  return {
    comparison: r.comparison ?? 'at_least',
    threshold: rule.threshold,
    ...(rule.recovery_threshold !== undefined ? { recoveryThreshold: rule.recovery_threshold } : {}),
    pendingTicks: rule.pending_ticks ?? 1,
    ...(rule.renotify_minutes !== undefined ? { renotifyMs: rule.renotify_minutes * 60_000 } : {}),
    notifyResolved: rule.notify_resolved ?? true,
    noData: rule.no_data ?? 'keep',
  };
}

export { usesLifecycle };

/** One instance's run: where it started, where it ended, what happened, for settling and reporting. */
interface InstanceRun {
  key: string;
  group?: Record<string, string | null>;
  start: LifecycleState;
  end: LifecycleState;
  events: LifecycleEvent[];
  /** Observed values per tick (aligned with the run's ticks; undefined where the instance was not observed). */
  values: (number | null | undefined)[];
}

export interface RuleLifecycleRun {
  rule: Rule;
  instances: InstanceRun[];
  /**
   * Grouped rules, per tick: instances that would have fired, been retried or re-notified but were
   * beyond max_groups — deferred (their state stays as before the tick, so they are due again at the
   * next tick) and reported, never silently dropped.
   */
  truncated: number[];
}

/**
 * Runs the lifecycle of every instance of one rule over the ticks of this run. Instances are those
 * measured at some tick plus those in the stored state; a stored instance missing from a tick's
 * measurements had no matching entry in the window: count 0 for count and ratio rules (at_least), no
 * data for value rules, and not observed for fewer_than rules (their groups come from the lookback).
 *
 * max_groups (grouped rules, default 100): per tick, at most that many instances notify — fires,
 * retries of undelivered fires and re-notifications together, highest value first (lowest for
 * fewer_than), ties by group key, as grouped count rules fire. Those beyond are deferred: their state
 * stays as it was before the tick (only the value seen is kept), so an instance that would have
 * started firing is still ok or pending and fires at the next tick if it still breaches, and a firing
 * instance keeps its retry or re-notification due. Resolves are never bounded: an instance that is
 * firing resolves whenever it recovers, and its resolve is sent only if some fire of the incident was
 * delivered (a deferred fire is no fire, so it never leads to a resolve).
 */
export function runRuleLifecycle(
  rule: Rule,
  ticks: readonly MeasuredTick[],
  stored: Record<string, InstanceState> | undefined,
): RuleLifecycleRun {
  const p = lifecycleParams(rule);
  const grouped = (rule as { group_by?: string[] }).group_by !== undefined;
  const bound = grouped ? maxGroups(rule) : Infinity;
  const keys = new Map<string, Record<string, string | null> | undefined>();
  for (const [key, s] of Object.entries(stored ?? {})) keys.set(key, Object.keys(s.group).length > 0 ? s.group : undefined);
  for (const t of ticks) for (const m of t.instances) if (!keys.has(m.key) || (m.group && !keys.get(m.key))) keys.set(m.key, m.group);
  if (!grouped && !keys.has('[]')) keys.set('[]', undefined);
  const byTick = ticks.map((t) => new Map(t.instances.map((m) => [m.key, m])));
  interface Running {
    key: string;
    group?: Record<string, string | null>;
    start: LifecycleState;
    state: LifecycleState;
    incident: number;
    events: LifecycleEvent[];
    values: (number | null | undefined)[];
  }
  const running: Running[] = [...keys].map(([key, group]) => {
    const start = fromStoredInstance(stored?.[key]);
    return { key, ...(group ? { group } : {}), start, state: start, incident: 0, events: [], values: [] };
  });
  const truncated: number[] = [];
  const sign = p.comparison === 'fewer_than' ? 1 : -1;
  ticks.forEach((t, i) => {
    // Every instance's step at this tick; notifications wait for the bound, the rest apply at once.
    const notifying: { r: Running; step: ReturnType<typeof stepLifecycle> }[] = [];
    for (const r of running) {
      const o = observation(byTick[i]!.get(r.key), t.tickMs, p, rule);
      r.values.push(o === undefined ? undefined : o.value);
      if (o === undefined) continue;
      const step = stepLifecycle(r.state, o, p, r.incident);
      if (step.event && step.event.kind !== 'resolve') notifying.push({ r, step });
      else apply(r, step);
    }
    if (notifying.length > bound)
      notifying.sort(
        (a, b) => sign * ((a.step.event!.value ?? 0) - (b.step.event!.value ?? 0)) || (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0),
      );
    notifying.forEach(({ r, step }, k) => {
      if (k < bound) apply(r, step);
      else r.state = { ...r.state, lastValue: step.state.lastValue }; // deferred: due again at the next tick
    });
    truncated.push(Math.max(0, notifying.length - bound));
  });
  const instances: InstanceRun[] = [];
  for (const r of running) {
    // An instance that never breached and holds no state has nothing to run.
    if (r.events.length === 0 && isQuiet(r.start) && isQuiet(r.state)) continue;
    instances.push({
      key: r.key,
      ...(r.group ? { group: r.group } : {}),
      start: r.start,
      end: r.state,
      events: r.events,
      values: r.values,
    });
  }
  return { rule, instances, truncated };
}

function apply(
  r: { state: LifecycleState; incident: number; events: LifecycleEvent[] },
  step: { state: LifecycleState; event?: LifecycleEvent; incident: number },
): void {
  r.state = step.state;
  r.incident = step.incident;
  if (step.event) r.events.push(step.event);
}

/**
 * What an instance shows at a tick: its measure, or — when the tick did not measure it — count 0 for
 * count and ratio rules, no data for value rules, nothing (undefined: not observed) for fewer_than.
 */
function observation(m: MeasuredInstance | undefined, tickMs: number, p: LifecycleParams, rule: Rule): Observation | undefined {
  if (m) {
    const breachNotMet =
      !m.met && m.measured !== null && (p.comparison === 'at_least' ? m.measured >= p.threshold : m.measured < p.threshold);
    return { tickMs, value: m.measured, matchCount: m.count, ...(breachNotMet ? { hold: true } : {}) };
  }
  if (p.comparison === 'fewer_than') return undefined;
  if (rule.value) return { tickMs, value: null, matchCount: 0 };
  return { tickMs, value: 0, matchCount: 0 };
}

/** A fire or re-notification as a delivery decision (alert.triggered). */
function fireDecision(rule: Rule, inst: InstanceRun, e: LifecycleEvent): Decision {
  return {
    rule,
    triggered_at: isoSeconds(e.tickMs),
    match_count: e.matchCount,
    ...(rule.value ? { value: e.value } : {}),
    ...(inst.group ? { group: inst.group } : {}),
  };
}

/** A resolve as a delivery decision: the fire's triggered_at and match_count, with resolved_at and value. */
function resolveDecision(rule: Rule, inst: InstanceRun, e: LifecycleEvent & { kind: 'resolve' }): Decision {
  return {
    rule,
    triggered_at: isoSeconds(e.firedAtMs),
    match_count: e.firedMatchCount,
    event: 'alert.resolved',
    resolved_at: isoSeconds(e.tickMs),
    value: e.value,
    ...(inst.group ? { group: inst.group } : {}),
  };
}

/** Fires and re-notifications of a run, in tick order, each with the event it came from. */
export function fireDecisions(
  runs: readonly RuleLifecycleRun[],
): { decision: Decision; run: RuleLifecycleRun; instance: InstanceRun; event: LifecycleEvent }[] {
  const out: { decision: Decision; run: RuleLifecycleRun; instance: InstanceRun; event: LifecycleEvent }[] = [];
  for (const run of runs)
    for (const instance of run.instances)
      for (const event of instance.events)
        if (event.kind !== 'resolve') out.push({ decision: fireDecision(run.rule, instance, event), run, instance, event });
  return out;
}

/** The key an outcome and its decision share. */
function outcomeKey(o: { rule_id: string; triggered_at: string; resolved_at?: string; group?: Record<string, string | null> }): string {
  return `${o.rule_id} ${o.triggered_at} ${o.resolved_at ?? ''} ${o.group ? JSON.stringify(o.group) : ''}`;
}
const decisionKey = (d: Decision) =>
  outcomeKey({ rule_id: d.rule.id, triggered_at: d.triggered_at, resolved_at: d.resolved_at, group: d.group });

export interface ResolvedReport {
  rule_id: string;
  rule_name: string;
  group?: Record<string, string | null>;
  fired_at: string;
  resolved_at: string;
  value: number | null;
  /** Whether the resolve was sent; when not, why. */
  notified: boolean;
  reason?: string;
}
export interface FiringReport {
  rule_id: string;
  rule_name: string;
  group?: Record<string, string | null>;
  status: 'firing' | 'pending';
  since: string;
  value: number | null;
  /** Firing only: whether some fire of the incident reached a channel. */
  fire_delivered?: boolean;
}

/**
 * After phase one (fires delivered; `outcomes` of every channel), settles each instance: which
 * resolves to send (phase two), the state to store per rule, and what to report. With no outcomes
 * (backtest, dry run), every fire counts as delivered when `assumeDelivered`.
 */
export function settleRuns(
  runs: readonly RuleLifecycleRun[],
  outcomes: readonly DeliveryOutcome[],
  opts: { assumeDelivered?: boolean } = {},
): {
  resolves: Decision[];
  instances: Map<string, Record<string, InstanceState>>;
  lastTriggered: Map<string, number | null>;
  firing: FiringReport[];
  resolved: ResolvedReport[];
} {
  const delivered = new Set(outcomes.filter((o) => o.status === 'delivered').map(outcomeKey));
  const resolves: Decision[] = [];
  const instances = new Map<string, Record<string, InstanceState>>();
  const lastTriggered = new Map<string, number | null>();
  const firing: FiringReport[] = [];
  const resolved: ResolvedReport[] = [];
  for (const run of runs) {
    const rule = run.rule;
    const kept: Record<string, InstanceState> = {};
    let last: number | null = null;
    for (const inst of run.instances) {
      const settled = settleDeliveries(
        inst.start,
        inst.end,
        inst.events,
        (e) => opts.assumeDelivered === true || delivered.has(decisionKey(fireDecision(rule, inst, e))),
      );
      for (const r of settled.resolves) {
        const d = resolveDecision(rule, inst, r.event);
        if (r.send) resolves.push(d);
        resolved.push({
          rule_id: rule.id,
          rule_name: rule.name,
          ...(inst.group ? { group: inst.group } : {}),
          fired_at: d.triggered_at,
          resolved_at: d.resolved_at!,
          value: r.event.value,
          notified: r.send,
          ...(r.reason ? { reason: r.reason } : {}),
        });
      }
      const s = settled.state;
      if (s.lastTriggeredMs !== null && (last === null || s.lastTriggeredMs > last)) last = s.lastTriggeredMs;
      if (!isQuiet(s)) kept[inst.key] = toStoredInstance(s, inst.group ?? {});
      if (s.status !== 'ok')
        firing.push({
          rule_id: rule.id,
          rule_name: rule.name,
          ...(inst.group ? { group: inst.group } : {}),
          status: s.status,
          since: isoSeconds(s.sinceMs!),
          value: s.lastValue,
          ...(s.status === 'firing' ? { fire_delivered: s.fireDelivered === true } : {}),
        });
    }
    instances.set(rule.id, kept);
    lastTriggered.set(rule.id, last);
  }
  resolves.sort((a, b) => a.resolved_at!.localeCompare(b.resolved_at!));
  return { resolves, instances, lastTriggered, firing, resolved };
}

/** Backtest: one incident per fire → resolve (or still firing at the end), with its peak value. */
export interface Incident {
  rule_id: string;
  rule_name: string;
  group?: Record<string, string | null>;
  start: string;
  /** null: still firing at the end of the range. */
  end: string | null;
  duration_minutes: number;
  /** The highest value while firing (lowest for fewer_than). */
  peak: number | null;
}

export function incidentsOf(run: RuleLifecycleRun, tickMs: readonly number[], rangeEndMs: number): Incident[] {
  const fewer = lifecycleParams(run.rule).comparison === 'fewer_than';
  const out: Incident[] = [];
  for (const inst of run.instances) {
    let open: { startMs: number; peak: number | null } | undefined;
    const peakOver = (fromMs: number, toMs: number) => {
      let peak: number | null = null;
      tickMs.forEach((t, i) => {
        const v = inst.values[i];
        if (t < fromMs || t > toMs || v === undefined || v === null) return;
        if (peak === null || (fewer ? v < peak : v > peak)) peak = v;
      });
      return peak;
    };
    const close = (endMs: number | null) => {
      if (!open) return;
      const e = endMs ?? rangeEndMs;
      out.push({
        rule_id: run.rule.id,
        rule_name: run.rule.name,
        ...(inst.group ? { group: inst.group } : {}),
        start: isoSeconds(open.startMs),
        end: endMs === null ? null : isoSeconds(endMs),
        duration_minutes: (e - open.startMs) / 60_000,
        peak: peakOver(open.startMs, e),
      });
      open = undefined;
    };
    for (const e of inst.events) {
      if (e.kind === 'fire' && !e.retry) open = { startMs: e.tickMs, peak: null };
      else if (e.kind === 'resolve') close(e.tickMs);
    }
    close(null);
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}
