import type { InstanceState, InstanceStatus } from '../state/schema.js';
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
export declare const initialLifecycleState: () => LifecycleState;
interface EventBase {
    tickMs: number;
    value: number | null;
    matchCount: number;
    /** Which incident of this batch the event belongs to: 0 = the one already firing when the batch began. */
    incident: number;
}
export type LifecycleEvent = (EventBase & {
    kind: 'fire';
    retry: boolean;
}) | (EventBase & {
    kind: 'renotify';
    sinceMs: number;
}) | (EventBase & {
    kind: 'resolve';
    sinceMs: number;
    /** triggered_at and match_count of the fire being resolved (its body is repeated). */
    firedAtMs: number;
    firedMatchCount: number;
    /** false when the rule sets notify_resolved: false (the resolve is reported, not sent). */
    notify: boolean;
});
/** Why a set of lifecycle parameters is invalid (for the rule file's error message), or null. */
export declare function lifecycleParamsProblem(p: LifecycleParams): {
    field: string;
    message: string;
} | null;
/**
 * One batch of ticks (one run) for one instance, oldest first. Returns the state after the batch (with
 * fireDelivered null for fires decided in it, until settleDeliveries) and the events, in tick order.
 */
export declare function runLifecycle(start: LifecycleState, observations: readonly Observation[], p: LifecycleParams): {
    state: LifecycleState;
    events: LifecycleEvent[];
};
/**
 * One evaluated tick of one instance: the next state and the event of the tick, if any. `incident`
 * numbers the incidents of the batch (0 = the one already firing when the batch began); the step
 * returns it, one higher after a new fire. Pure: `s` is not changed, so a caller may drop a step
 * (max_groups defers a fire or re-notification to a later tick by keeping the state before it).
 */
export declare function stepLifecycle(s0: LifecycleState, o: Observation, p: LifecycleParams, incident: number): {
    state: LifecycleState;
    event?: LifecycleEvent;
    incident: number;
};
/**
 * After the batch's fires and re-notifications were delivered: which resolves may be sent, and the
 * instance's fireDelivered. A resolve is sent only when the rule notifies resolves and some fire of
 * its incident reached a channel (in an earlier run, or in this one). `delivered(e)` tells whether a
 * fire event reached at least one channel.
 */
export declare function settleDeliveries(start: LifecycleState, end: LifecycleState, events: readonly LifecycleEvent[], delivered: (fire: LifecycleEvent & {
    kind: 'fire';
}) => boolean): {
    state: LifecycleState;
    resolves: {
        event: LifecycleEvent & {
            kind: 'resolve';
        };
        send: boolean;
        reason?: string;
    }[];
};
/** The stored form (state file) of a lifecycle instance; `group` and the ISO times as the state schema wants. */
export declare function toStoredInstance(s: LifecycleState, group: Record<string, string | null>): InstanceState;
export declare function fromStoredInstance(i: InstanceState | undefined): LifecycleState;
/** An instance that is ok with no pending run need not be stored (keeps state files small). */
export declare function isQuiet(s: LifecycleState): boolean;
export {};
