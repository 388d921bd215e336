import type { Decision, DeliveryOutcome, DeliveryResult } from '../deliver/types.js';
import type { Rule, RulesFile } from '../rules/schema.js';
import type { State } from '../state/schema.js';
import { type FiringReport, type Incident, type MeasuredTick, type ResolvedReport, type RuleLifecycleRun } from './lifecycle-run.js';
/**
 * The alert lifecycle inside evaluate and backtest (docs/lifecycle.md). Rules without lifecycle fields
 * never reach this module: when no enabled rule uses the lifecycle, evaluate runs exactly as before.
 */
/** What evaluate reports about lifecycle rules (only when the rule file has any). */
export interface LifecycleReport {
    /** Instances firing or pending after this run, and since when. */
    firing: FiringReport[];
    /** Instances that resolved in this run; `notified` says whether the resolve was sent. */
    resolved: ResolvedReport[];
}
/** The core's evaluation as this module reads it: per-rule reports, decisions, and (when the core has them) per-instance measures. */
interface CoreEvaluation {
    rules: {
        id: string;
        counts: number[];
        fired: string[];
        /** Grouped rules (src/evaluate/types.ts RuleReport): due beyond max_groups per tick, and the fires per group. */
        truncated_groups?: number[];
        fired_groups?: {
            triggered_at: string;
            group: Record<string, string | null>;
            match_count: number;
        }[];
    }[];
    decisions: Decision[];
    measures?: {
        rule: {
            id: string;
        };
        ticks: MeasuredTick[];
    }[];
}
interface LifecyclePlan {
    runs: RuleLifecycleRun[];
    /** Phase one: the seed's decisions of every other rule and the lifecycle rules' fires and re-notifications, oldest first. */
    decisions: Decision[];
}
/**
 * Runs the lifecycle of every lifecycle rule over the run's ticks, replaces those rules' seed decisions
 * with the lifecycle's fires, and patches their reports (fired = the lifecycle's fires and re-notifications).
 * Undefined when no enabled rule uses the lifecycle.
 */
export declare function planLifecycle(rules: readonly Rule[], ticks: readonly number[], core: CoreEvaluation, state: State): LifecyclePlan | undefined;
/**
 * Phase two of a run and the state: settles every instance against phase one's outcomes, delivers the
 * resolves whose fire got through, and writes the lifecycle rules' state (instances, last fire) into `next`.
 * `deliver` is absent in a dry run (fires then count as delivered, nothing is sent).
 */
export declare function finishLifecycle(plan: LifecyclePlan, outcomes: readonly DeliveryOutcome[], next: State, deliver: ((decisions: Decision[], state: State) => Promise<DeliveryResult>) | undefined, 
/** The state this run started from (the lifecycle rules' last fire when nothing fired now). */
loaded: State): Promise<{
    state: State;
    outcomes: DeliveryOutcome[];
    resolves: Decision[];
    report: LifecycleReport;
}>;
/** Backtest: incidents per instance of every lifecycle rule, and totals. */
export interface BacktestIncidents {
    incidents: Incident[];
    totals: {
        incidents: number;
        firing_minutes: number;
        still_firing: number;
    };
}
export declare function backtestIncidents(plan: LifecyclePlan, ticks: readonly number[], rangeEndMs: number): BacktestIncidents;
export type { RulesFile };
