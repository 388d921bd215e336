import type { InstanceState, InstanceStatus } from '../state/schema.js';
import { isoSeconds } from '../model/time.js';

/**
 * The alert lifecycle of one instance (a rule, or one group of a grouped rule): ok → pending → firing →
 * resolved → ok. Pure: the caller feeds one observation per evaluated tick and gets the events to
 * deliver and the next state; delivery outcomes come back through `settleDeliveries`.
 * docs/lifecycle.md is the prose version of this file; test/helpers/lifecycle-oracle.ts is an
 * independent reference the property test compares it with.
 *
 * Per tick, the observation is classified:
 * - breach: at_least: value >= threshold; fewer_than: value < threshold.
 * - recovered: at_least: value < recovery_threshold; fewer_than: value >= recovery_threshold
 *   (recovery_threshold defaults to threshold, so without it every non-breach is a recovery).
 * - hold: neither (between the two thresholds): a firing instance keeps firing, an ok one stays ok,
 *   a pending one goes back to ok (the condition no longer holds).
 * - no data (value null, value rules with an empty window): no_data `keep` skips the tick (nothing
 *   changes, a pending run is neither broken nor extended, no re-notification), `ok` treats it as
 *   recovered, `alert` as a breach.
 *
 * Transitions:
 * - ok/pending + breach: pending_count + 1; at pending_ticks (default 1) consecutive breaches the
 *   instance fires (event `fire`). Ticks not evaluated (beyond the catch-up limit) neither break nor
 *   extend a pending run: "consecutive" counts evaluated ticks.
 * - pending + hold/recovered: back to ok.
 * - firing + recovered: resolved (event `resolve`), back to ok.
 * - firing otherwise: re-notify (event `renotify`) when renotify_minutes have passed since the last
 *   notification of the incident.
 *
 * A fire whose delivery failed (no channel delivered it): the instance remembers it
 * (fire_delivered: false). While it keeps firing, the fire is retried at the next tick of a later run
 * (event `fire` with retry: true). If it recovers before any fire of the incident got through, the
 * resolve is suppressed: nobody is told that something they never heard of ended. Re-notifications
 * are sent only once the fire is known to have been delivered.
 */

type Comparison = 'at_least' | 'fewer_than';
type NoData = 'keep' | 'ok' | 'alert';

export interface LifecycleParams {
  comparison: Comparison;
  threshold: number;
  /** Defaults to threshold. at_least: <= threshold; fewer_than: >= threshold. */
  recoveryThreshold?: number;
  /** Consecutive breaching ticks before firing; >= 1. */
  pendingTicks: number;
  /** Re-notify every this many ms while firing; undefined: never. */
  renotifyMs?: number;
  /** Send resolves (a resolved instance goes back to ok either way). */
  notifyResolved: boolean;
  noData: NoData;
}

export interface Observation {
  tickMs: number;
  /** The count, ratio or aggregate compared with the thresholds; null: no data (value rules). */
  value: number | null;
  /** match_count for the payload: entries matching in the window. */
  matchCount: number;
  /** The value breaches but the rule may not fire on it (e.g. a ratio below min_denominator): treated as hold. */
  hold?: boolean;
}

/** The in-memory form of a lifecycle instance's state (times in epoch ms). */
export interface LifecycleState {
  status: InstanceStatus;
  /** When the current status began (firing: the first fire's tick; pending: the first breaching tick). */
  sinceMs: number | null;
  pendingCount: number;
  /** The last fire (including retries) of the current or last incident. */
  lastTriggeredMs: number | null;
  /** match_count of that fire: the resolve's body repeats the fired body. */
  firedMatchCount: number | null;
  /** The last fire or re-notification. */
  lastNotifiedMs: number | null;
  /** true: some fire of the incident reached a channel; false: none did; null: decided, outcome not known yet. */
  fireDelivered: boolean | null;
  lastValue: number | null;
}

export const initialLifecycleState = (): LifecycleState => ({
  status: 'ok',
  sinceMs: null,
  pendingCount: 0,
  lastTriggeredMs: null,
  firedMatchCount: null,
  lastNotifiedMs: null,
  fireDelivered: null,
  lastValue: null,
});

interface EventBase {
  tickMs: number;
  value: number | null;
  matchCount: number;
  /** Which incident of this batch the event belongs to: 0 = the one already firing when the batch began. */
  incident: number;
}
export type LifecycleEvent =
  | (EventBase & { kind: 'fire'; retry: boolean })
  | (EventBase & { kind: 'renotify'; sinceMs: number })
  | (EventBase & {
      kind: 'resolve';
      sinceMs: number;
      /** triggered_at and match_count of the fire being resolved (its body is repeated). */
      firedAtMs: number;
      firedMatchCount: number;
      /** false when the rule sets notify_resolved: false (the resolve is reported, not sent). */
      notify: boolean;
    });

type Classification = 'breach' | 'recovered' | 'hold' | 'skip';

function classify(value: number | null, p: LifecycleParams): Classification {
  if (value === null) return p.noData === 'keep' ? 'skip' : p.noData === 'ok' ? 'recovered' : 'breach';
  const recovery = p.recoveryThreshold ?? p.threshold;
  if (p.comparison === 'at_least') return value >= p.threshold ? 'breach' : value < recovery ? 'recovered' : 'hold';
  return value < p.threshold ? 'breach' : value >= recovery ? 'recovered' : 'hold';
}

/** Why a set of lifecycle parameters is invalid (for the rule file's error message), or null. */
export function lifecycleParamsProblem(p: LifecycleParams): { field: string; message: string } | null {
  if (!Number.isInteger(p.pendingTicks) || p.pendingTicks < 1) return { field: 'pending_ticks', message: 'must be a whole number ≥ 1' };
  if (p.renotifyMs !== undefined && !(p.renotifyMs > 0)) return { field: 'renotify_minutes', message: 'must be ≥ 1' };
  const r = p.recoveryThreshold;
  if (r === undefined) return null;
  if (p.comparison === 'at_least' && r > p.threshold)
    return { field: 'recovery_threshold', message: `must be at most the threshold (${p.threshold}): the instance resolves only below it` };
  if (p.comparison === 'fewer_than' && r < p.threshold)
    return {
      field: 'recovery_threshold',
      message: `must be at least the threshold (${p.threshold}) for a fewer_than rule: the instance resolves only at or above it`,
    };
  return null;
}

/**
 * One batch of ticks (one run) for one instance, oldest first. Returns the state after the batch (with
 * fireDelivered null for fires decided in it, until settleDeliveries) and the events, in tick order.
 */
export function runLifecycle(
  start: LifecycleState,
  observations: readonly Observation[],
  p: LifecycleParams,
): { state: LifecycleState; events: LifecycleEvent[] } {
  let s: LifecycleState = { ...start };
  const events: LifecycleEvent[] = [];
  let incident = 0;
  for (const o of observations) {
    const step = stepLifecycle(s, o, p, incident);
    s = step.state;
    incident = step.incident;
    if (step.event) events.push(step.event);
  }
  return { state: s, events };
}

/**
 * One evaluated tick of one instance: the next state and the event of the tick, if any. `incident`
 * numbers the incidents of the batch (0 = the one already firing when the batch began); the step
 * returns it, one higher after a new fire. Pure: `s` is not changed, so a caller may drop a step
 * (max_groups defers a fire or re-notification to a later tick by keeping the state before it).
 */
export function stepLifecycle(
  s0: LifecycleState,
  o: Observation,
  p: LifecycleParams,
  incident: number,
): { state: LifecycleState; event?: LifecycleEvent; incident: number } {
  const c = o.hold ? 'hold' : classify(o.value, p);
  if (c === 'skip') return { state: s0, incident };
  const s: LifecycleState = { ...s0, lastValue: o.value };
  const base = { tickMs: o.tickMs, value: o.value, matchCount: o.matchCount };
  if (s.status === 'firing') {
    if (c === 'recovered') {
      const event: LifecycleEvent = {
        ...base,
        incident,
        kind: 'resolve',
        sinceMs: s.sinceMs!,
        firedAtMs: s.lastTriggeredMs!,
        firedMatchCount: s.firedMatchCount!,
        notify: p.notifyResolved,
      };
      Object.assign(s, { status: 'ok', sinceMs: o.tickMs, pendingCount: 0 });
      return { state: s, event, incident };
    }
    if (s.fireDelivered === false) {
      Object.assign(s, { lastTriggeredMs: o.tickMs, firedMatchCount: o.matchCount, lastNotifiedMs: o.tickMs, fireDelivered: null });
      return { state: s, event: { ...base, incident, kind: 'fire', retry: true }, incident };
    }
    if (s.fireDelivered === true && p.renotifyMs !== undefined && o.tickMs - s.lastNotifiedMs! >= p.renotifyMs) {
      const event: LifecycleEvent = { ...base, incident, kind: 'renotify', sinceMs: s.sinceMs! };
      s.lastNotifiedMs = o.tickMs;
      return { state: s, event, incident };
    }
    return { state: s, incident };
  }
  if (c !== 'breach') {
    if (s.status === 'pending') Object.assign(s, { status: 'ok', sinceMs: o.tickMs, pendingCount: 0 });
    return { state: s, incident };
  }
  const count = s.status === 'pending' ? s.pendingCount + 1 : 1;
  if (count < p.pendingTicks) {
    Object.assign(s, { status: 'pending', sinceMs: s.status === 'pending' ? s.sinceMs : o.tickMs, pendingCount: count });
    return { state: s, incident };
  }
  Object.assign(s, {
    status: 'firing',
    sinceMs: o.tickMs,
    pendingCount: 0,
    lastTriggeredMs: o.tickMs,
    firedMatchCount: o.matchCount,
    lastNotifiedMs: o.tickMs,
    fireDelivered: null,
  });
  return { state: s, event: { ...base, incident: incident + 1, kind: 'fire', retry: false }, incident: incident + 1 };
}

/**
 * After the batch's fires and re-notifications were delivered: which resolves may be sent, and the
 * instance's fireDelivered. A resolve is sent only when the rule notifies resolves and some fire of
 * its incident reached a channel (in an earlier run, or in this one). `delivered(e)` tells whether a
 * fire event reached at least one channel.
 */
export function settleDeliveries(
  start: LifecycleState,
  end: LifecycleState,
  events: readonly LifecycleEvent[],
  delivered: (fire: LifecycleEvent & { kind: 'fire' }) => boolean,
): { state: LifecycleState; resolves: { event: LifecycleEvent & { kind: 'resolve' }; send: boolean; reason?: string }[] } {
  const reached = new Map<number, boolean>();
  if (start.status === 'firing' && start.fireDelivered === true) reached.set(0, true);
  for (const e of events) if (e.kind === 'fire' && delivered(e)) reached.set(e.incident, true);
  const resolves = events
    .filter((e): e is LifecycleEvent & { kind: 'resolve' } => e.kind === 'resolve')
    .map((event) =>
      !event.notify
        ? { event, send: false, reason: 'notify_resolved is false' }
        : reached.get(event.incident)
          ? { event, send: true }
          : { event, send: false, reason: 'the fire was never delivered' },
    );
  const state = { ...end };
  if (state.status === 'firing' && state.fireDelivered === null) {
    const last = events.reduce((m, e) => Math.max(m, e.incident), 0);
    const fired = events.some((e) => e.kind === 'fire' && e.incident === last);
    state.fireDelivered = reached.get(last) ?? (fired ? false : (start.fireDelivered ?? false));
  }
  return { state, resolves };
}

/** The stored form (state file) of a lifecycle instance; `group` and the ISO times as the state schema wants. */
export function toStoredInstance(s: LifecycleState, group: Record<string, string | null>): InstanceState {
  const iso = (ms: number | null) => (ms === null ? null : isoSeconds(ms));
  return {
    group,
    last_triggered_at: iso(s.lastTriggeredMs),
    status: s.status,
    since: iso(s.sinceMs),
    pending_count: s.pendingCount,
    last_notified_at: iso(s.lastNotifiedMs),
    fire_delivered: s.fireDelivered,
    fired_match_count: s.firedMatchCount,
    last_value: s.lastValue,
  };
}

export function fromStoredInstance(i: InstanceState | undefined): LifecycleState {
  if (!i) return initialLifecycleState();
  const ms = (v: string | null | undefined) => (v ? Date.parse(v) : null);
  return {
    status: i.status ?? 'ok',
    sinceMs: ms(i.since),
    pendingCount: i.pending_count ?? 0,
    lastTriggeredMs: ms(i.last_triggered_at),
    firedMatchCount: i.fired_match_count ?? null,
    lastNotifiedMs: ms(i.last_notified_at),
    fireDelivered: i.fire_delivered ?? null,
    lastValue: i.last_value ?? null,
  };
}

/** An instance that is ok with no pending run need not be stored (keeps state files small). */
export function isQuiet(s: LifecycleState): boolean {
  return s.status === 'ok' && s.pendingCount === 0;
}
