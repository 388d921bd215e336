import type { SeriesProvider } from '../model/series.js';
import type { Rule } from '../rules/schema.js';
import type { InstanceState } from '../state/schema.js';
import { type RuleMeasures } from './measure.js';
import type { Decision, RuleReport, SourceStats } from './types.js';
interface TickEvaluation {
    rules: RuleReport[];
    decisions: Decision[];
    /** last_triggered_at per rule id after these ticks (epoch ms or null). */
    lastTriggered: Map<string, number | null>;
    /** Grouped rules: per-instance state after these ticks (instances still inside their dedup window). */
    instances: Map<string, Record<string, InstanceState>>;
    /** Per enabled rule, per tick, per instance: what was measured (the lifecycle's input). */
    measures: RuleMeasures[];
    stats: SourceStats[];
}
interface EvaluateTicksOptions {
    ignoreRuleSources?: boolean;
    /** Grouped rules: the instance state carried from earlier runs. */
    instanceState?: (ruleId: string) => Record<string, InstanceState> | undefined;
    /** Distinct groups tracked per series by the sources (memory bound; default DEFAULT_GROUP_LIMIT). */
    groupLimit?: number;
    /**
     * Earlier grid ticks (epoch ms, oldest first, all before ticks[0]) measured in the same query for
     * the report's history (RuleReport.history), never decided: a summary chart of recent ticks.
     */
    historyTicks?: number[];
}
/**
 * Counts every enabled rule's window at every tick and decides, tick by tick. The rules compile to
 * one series query per distinct set of sources they name (usually one), so each source is read a
 * single time for all rules; work is linear in the number of rules. A rule without the issue 14
 * fields is decided by the seed's rule (decideRule) on its level count and reported exactly as before.
 */
export declare function evaluateTicks(rules: Rule[], ticks: number[], provider: SeriesProvider, lastTriggered: (ruleId: string) => number | null, opts?: EvaluateTicksOptions): Promise<TickEvaluation>;
export {};
