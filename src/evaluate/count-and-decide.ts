import type { SeriesProvider, SeriesResult } from '../model/series.js';
import type { Rule } from '../rules/schema.js';
import { isFewerThan, levelLabel, maxGroups } from '../rules/selection.js';
import type { InstanceState } from '../state/schema.js';
import { compileRules } from './compile.js';
import { decideInstances, decideRule } from './decide.js';
import { isoSeconds } from '../model/time.js';
import { sortByText } from '../util/sort-text.js';
import { measureRule, usesInstances, type RuleMeasures } from './measure.js';
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
export async function evaluateTicks(
  rules: Rule[],
  ticks: number[],
  provider: SeriesProvider,
  lastTriggered: (ruleId: string) => number | null,
  opts: EvaluateTicksOptions = {},
): Promise<TickEvaluation> {
  const measuresById = new Map<string, RuleMeasures>();
  const stats = new Map<string, SourceStats>();
  const historyById = new Map<string, number[]>();
  const history = ticks.length > 0 ? (opts.historyTicks ?? []) : [];
  if (ticks.length > 0) {
    // History ticks ride along in the same query (one more window each); windows are per tick, so
    // measuring them first and slicing them off leaves this run's measures exactly as without them.
    const all = history.length > 0 ? [...history, ...ticks] : ticks;
    for (const plan of compileRules(rules, all, opts)) {
      const result: SeriesResult = await provider.countSeries(plan.query);
      for (const s of result.stats) if (!stats.has(s.source)) stats.set(s.source, s);
      for (const rp of plan.rules) {
        const measured = measureRule(rp, all, result);
        if (history.length > 0) {
          const past = measured.ticks.slice(0, history.length);
          historyById.set(
            rp.rule.id,
            past.map((t) => Math.max(0, ...t.instances.map((m) => m.count ?? 0))),
          );
          measured.ticks = measured.ticks.slice(history.length);
        }
        measuresById.set(rp.rule.id, measured);
      }
    }
  }
  const withHistory = <T extends RuleReport>(report: T): T =>
    opts.historyTicks ? { ...report, history: historyById.get(report.id) ?? [] } : report;

  const decisions: Decision[] = [];
  const last = new Map<string, number | null>();
  const instances = new Map<string, Record<string, InstanceState>>();
  const reports: RuleReport[] = rules.map((rule) => {
    const measured = measuresById.get(rule.id);
    const base = {
      id: rule.id,
      name: rule.name,
      level: levelLabel(rule),
      threshold: rule.threshold,
      window_minutes: rule.window_minutes,
      enabled: rule.enabled,
    };
    if (!usesInstances(rule)) {
      const counts = measured ? measured.ticks.map((t) => t.instances[0]!.count) : [];
      const decided = decideRule(rule, ticks, counts, lastTriggered(rule.id));
      last.set(rule.id, decided.lastTriggeredMs);
      const fired = decided.fires.map((f) => {
        const triggered_at = isoSeconds(f.tickMs);
        decisions.push({ rule, triggered_at, match_count: f.match_count });
        return triggered_at;
      });
      return withHistory({ ...base, counts, fired });
    }

    const grouped = rule.group_by !== undefined;
    const fewer = isFewerThan(rule);
    const previous = new Map<string, { group?: Record<string, string | null>; lastTriggeredMs: number }>();
    for (const [key, s] of Object.entries(opts.instanceState?.(rule.id) ?? {})) {
      if (s.last_triggered_at) previous.set(key, { group: s.group, lastTriggeredMs: Date.parse(s.last_triggered_at) });
    }
    const decided = decideInstances(
      {
        enabled: rule.enabled,
        threshold: rule.threshold,
        window_minutes: rule.window_minutes,
        max_groups: maxGroups(rule),
        fewer_than: fewer,
        grouped,
      },
      measured?.ticks ?? [],
      lastTriggered(rule.id),
      previous,
    );
    last.set(rule.id, decided.lastTriggeredMs);
    if (grouped) {
      // Only instances still inside their dedup window matter to later runs.
      const lastTick = ticks.at(-1);
      const keep: Record<string, InstanceState> = {};
      for (const [key, s] of decided.instances) {
        if (lastTick !== undefined && lastTick - s.lastTriggeredMs >= rule.window_minutes * 60_000) continue;
        keep[key] = { group: s.group ?? {}, last_triggered_at: isoSeconds(s.lastTriggeredMs) };
      }
      instances.set(rule.id, keep);
    }
    const fired = decided.fires.map((f) => {
      const triggered_at = isoSeconds(f.tickMs);
      decisions.push({
        rule,
        triggered_at,
        match_count: f.match_count,
        ...(f.group ? { group: f.group } : {}),
        ...(f.denominator_count !== undefined ? { ratio: f.ratio!, denominator_count: f.denominator_count } : {}),
      });
      return triggered_at;
    });
    const perTick = measured?.ticks ?? [];
    // The headline per tick: the ungrouped instance, or the group that ranks first.
    const head = perTick.map((t) => {
      if (!grouped) return t.instances[0];
      let best: (typeof t.instances)[number] | undefined;
      for (const m of t.instances) {
        if (!best || (fewer ? (m.measured ?? 0) < (best.measured ?? 0) : (m.measured ?? 0) > (best.measured ?? 0))) best = m;
      }
      return best;
    });
    const report: RuleReport = {
      ...base,
      counts: head.map((m) => m?.count ?? 0),
      fired,
      comparison: fewer ? 'fewer_than' : 'at_least',
    };
    if (rule.denominator) {
      report.ratios = head.map((m) => m?.ratio ?? null);
      report.denominator_counts = head.map((m) => m?.denominator ?? 0);
    }
    if (grouped) {
      report.group_by = rule.group_by;
      report.groups = perTick.map((t) => t.instances.length);
      report.groups_met = perTick.map((t) => t.instances.filter((m) => m.met).length);
      report.truncated_groups = decided.truncated;
      report.untracked_groups = measured?.truncatedGroups ?? 0;
      report.fired_groups = decided.fires.map((f) => ({
        triggered_at: isoSeconds(f.tickMs),
        group: f.group ?? {},
        match_count: f.match_count,
      }));
    }
    return withHistory(report);
  });
  // Oldest tick first, then in rule-file order: the order receivers hear about them.
  sortByText(decisions, (d) => d.triggered_at);
  return { rules: reports, decisions, lastTriggered: last, instances, measures: [...measuresById.values()], stats: [...stats.values()] };
}
