import type { SeriesResult } from '../model/series.js';
import type { Rule } from '../rules/schema.js';
import type { RulePlan } from './compile.js';
/**
 * What a rule measured at one tick for one alert instance: the input of every decision (the seed's
 * dedup here, the lifecycle state machine in src/evaluate/lifecycle*.ts). Pure data, no I/O.
 */
interface InstanceMeasure {
    /** JSON of the group values in group_by order (`["alice"]`); `[]` for an ungrouped rule. */
    key: string;
    /** Grouped rules: field → value (null when the entries lack the field). */
    group?: Record<string, string | null>;
    /** Entries of the rule's own selection in the window (tick − window_minutes, tick]. */
    count: number;
    /** Ratio rules: entries of the denominator selection in the same window (and group). */
    denominator?: number;
    /** Ratio rules: count / denominator, null when the denominator is 0. */
    ratio?: number | null;
    /** Value rules: the aggregate of the field over the window (null: no numeric value in it). */
    value?: number | null;
    /** The number compared with the threshold: the ratio for ratio rules, the value for value rules, else the count; null = no data. */
    measured: number | null;
    /** The condition holds: threshold and comparison met (and, for ratios, denominator >= min_denominator). */
    met: boolean;
}
interface TickMeasure {
    tickMs: number;
    /**
     * Ungrouped: exactly one instance. Grouped: the groups in play at this tick — with an entry in the
     * window (at_least), in the group lookback (fewer_than counts), or in the denominator (ratios).
     */
    instances: InstanceMeasure[];
}
export interface RuleMeasures {
    rule: Rule;
    ticks: TickMeasure[];
    /** Groups the source did not track (memory bound): their instances are missing above. */
    truncatedGroups: number;
}
/** A rule's measurements at every tick, from its plan and its source group's series counts. */
export declare function measureRule(plan: RulePlan, ticks: number[], result: SeriesResult): RuleMeasures;
/** Whether a rule uses any issue 14 field that changes how it is measured or decided. */
export declare function usesInstances(rule: Rule): boolean;
export {};
