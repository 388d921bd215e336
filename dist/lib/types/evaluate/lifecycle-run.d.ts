import type { Decision, DeliveryOutcome } from '../deliver/types.js';
import { usesLifecycle } from '../rules/lifecycle-fields.js';
import type { Rule } from '../rules/schema.js';
import type { InstanceState } from '../state/schema.js';
import { type LifecycleEvent, type LifecycleState } from './lifecycle.js';
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
export declare function runRuleLifecycle(rule: Rule, ticks: readonly MeasuredTick[], stored: Record<string, InstanceState> | undefined): RuleLifecycleRun;
/** Fires and re-notifications of a run, in tick order, each with the event it came from. */
export declare function fireDecisions(runs: readonly RuleLifecycleRun[]): {
    decision: Decision;
    run: RuleLifecycleRun;
    instance: InstanceRun;
    event: LifecycleEvent;
}[];
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
export declare function settleRuns(runs: readonly RuleLifecycleRun[], outcomes: readonly DeliveryOutcome[], opts?: {
    assumeDelivered?: boolean;
}): {
    resolves: Decision[];
    instances: Map<string, Record<string, InstanceState>>;
    lastTriggered: Map<string, number | null>;
    firing: FiringReport[];
    resolved: ResolvedReport[];
};
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
export declare function incidentsOf(run: RuleLifecycleRun, tickMs: readonly number[], rangeEndMs: number): Incident[];
