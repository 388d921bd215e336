import { seriesKey, type SeriesQuery, type SeriesSpec } from '../model/series.js';
import { windowAt, type Window } from '../model/window.js';
import type { Rule } from '../rules/schema.js';
import { groupLookbackMinutes, isFewerThan, ruleSelection, toSelection } from '../rules/selection.js';

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

/** The series a rule counts: its selection, split by its group_by. */
function ruleSeries(rule: Rule): SeriesSpec {
  return {
    selection: ruleSelection(rule),
    ...(rule.group_by ? { groupBy: rule.group_by } : {}),
    ...(rule.value ? { value: rule.value } : {}),
  };
}

/** A ratio rule's denominator series, grouped as the rule is (a ratio per group). */
function denominatorSeries(rule: Rule): SeriesSpec | undefined {
  if (!rule.denominator) return undefined;
  return { selection: toSelection(rule.denominator), ...(rule.group_by ? { groupBy: rule.group_by } : {}) };
}

/**
 * Compiles enabled rules into queries, in time linear in rules × ticks: rules are grouped by their
 * sources with maps (no array copies), identical selections across rules share one series (by
 * seriesKey), and identical windows one window. A rule without new fields compiles to the series
 * { levels: [its level], where: [] }, whose counts are exactly the seed's level counts.
 */
export function compileRules(rules: Rule[], ticks: number[], opts: { ignoreRuleSources?: boolean; groupLimit?: number } = {}): QueryPlan[] {
  interface Building {
    plan: QueryPlan;
    seriesIndex: Map<string, number>;
    windowIndex: Map<string, number>;
  }
  const bySources = new Map<string, Building>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const key = opts.ignoreRuleSources || !rule.sources ? '' : [...new Set(rule.sources)].sort().join('\n');
    let b = bySources.get(key);
    if (!b) {
      const query: SeriesQuery = {
        series: [],
        windows: [],
        ...(key === '' ? {} : { sources: key.split('\n') }),
        ...(opts.groupLimit ? { groupLimit: opts.groupLimit } : {}),
      };
      b = { plan: { query, rules: [] }, seriesIndex: new Map(), windowIndex: new Map() };
      bySources.set(key, b);
    }
    const { query } = b.plan;
    const seriesOf = (spec: SeriesSpec): number => {
      const k = seriesKey(spec);
      let i = b.seriesIndex.get(k);
      if (i === undefined) {
        i = query.series.push(spec) - 1;
        b.seriesIndex.set(k, i);
      }
      return i;
    };
    const windowOf = (w: Window): number => {
      const k = `${w.fromMs}:${w.toMs}`;
      let i = b.windowIndex.get(k);
      if (i === undefined) {
        i = query.windows.push(w) - 1;
        b.windowIndex.set(k, i);
      }
      return i;
    };
    const den = denominatorSeries(rule);
    const lookback = rule.group_by && isFewerThan(rule) && !den ? groupLookbackMinutes(rule) : undefined;
    b.plan.rules.push({
      rule,
      series: seriesOf(ruleSeries(rule)),
      ...(den ? { denominator: seriesOf(den) } : {}),
      windows: ticks.map((t) => windowOf(windowAt(t, rule.window_minutes))),
      ...(lookback !== undefined ? { lookbacks: ticks.map((t) => windowOf(windowAt(t, lookback))) } : {}),
    });
  }
  return [...bySources.values()].map((b) => b.plan);
}
