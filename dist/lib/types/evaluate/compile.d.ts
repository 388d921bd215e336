import { type SeriesQuery } from '../model/series.js';
import type { Rule } from '../rules/schema.js';
/** Where one rule's numbers come from in its source group's query. */
export interface RulePlan {
    rule: Rule;
    /** Index of the rule's own series in the query. */
    series: number;
    /** Ratio rules: index of the denominator's series. */
    denominator?: number;
    /** Per tick: index of the window (tick − window_minutes, tick] in the query. */
    windows: number[];
    /** Grouped fewer_than count rules, per tick: index of (tick − group_lookback_minutes, tick]. */
    lookbacks?: number[];
}
/** One query per distinct set of sources the rules name: every series × window they need, once each. */
interface QueryPlan {
    query: SeriesQuery;
    rules: RulePlan[];
}
/**
 * Compiles enabled rules into queries, in time linear in rules × ticks: rules are grouped by their
 * sources with maps (no array copies), identical selections across rules share one series (by
 * seriesKey), and identical windows one window. A rule without new fields compiles to the series
 * { levels: [its level], where: [] }, whose counts are exactly the seed's level counts.
 */
export declare function compileRules(rules: Rule[], ticks: number[], opts?: {
    ignoreRuleSources?: boolean;
    groupLimit?: number;
}): QueryPlan[];
export {};
