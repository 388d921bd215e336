import type { Level } from '../model/levels.js';
import type { Rule } from '../rules/schema.js';
import { decideRule } from './decide.js';
import { isoSeconds } from '../model/time.js';
import { windowAt, type Window } from '../model/window.js';
import type { CountProvider, Decision, RuleReport, SourceStats } from './types.js';

export interface TickEvaluation {
  rules: RuleReport[];
  decisions: Decision[];
  /** last_triggered_at per rule id after these ticks (epoch ms or null). */
  lastTriggered: Map<string, number | null>;
  stats: SourceStats[];
}

/**
 * Counts every enabled rule's window at every tick and applies the seed's decision rule, tick by tick.
 * One count call per distinct set of sources the rules name (usually one), asking for all
 * (level, window) pairs at once so each source is read a single time. Shared by evaluate and backtest.
 */
export async function evaluateTicks(
  rules: Rule[],
  ticks: number[],
  provider: CountProvider,
  lastTriggered: (ruleId: string) => number | null,
  opts: { ignoreRuleSources?: boolean } = {},
): Promise<TickEvaluation> {
  const enabled = rules.filter((r) => r.enabled);
  const groups = new Map<string, Rule[]>();
  for (const rule of enabled) {
    const key = opts.ignoreRuleSources || !rule.sources ? '' : [...new Set(rule.sources)].sort().join('\n');
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }

  const countsByRule = new Map<string, number[]>();
  const stats = new Map<string, SourceStats>();
  for (const [key, group] of groups) {
    const levels = [...new Set(group.map((r) => r.level))];
    const windows: Window[] = [];
    const windowIndex = new Map<string, number>();
    const indexOf = (w: Window) => {
      const k = `${w.fromMs}:${w.toMs}`;
      let i = windowIndex.get(k);
      if (i === undefined) {
        i = windows.push(w) - 1;
        windowIndex.set(k, i);
      }
      return i;
    };
    const plan = group.map((r) => ticks.map((t) => indexOf(windowAt(t, r.window_minutes))));
    if (ticks.length === 0) {
      group.forEach((r) => countsByRule.set(r.id, []));
      continue;
    }
    const result = await provider.count({ levels, windows, sources: key === '' ? undefined : key.split('\n') });
    for (const s of result.stats) if (!stats.has(s.source)) stats.set(s.source, s);
    group.forEach((r, g) => {
      const row = result.counts[levels.indexOf(r.level as Level)]!;
      countsByRule.set(r.id, plan[g]!.map((j) => row[j]!));
    });
  }

  const decisions: Decision[] = [];
  const last = new Map<string, number | null>();
  const reports: RuleReport[] = rules.map((rule) => {
    const counts = countsByRule.get(rule.id) ?? [];
    const decided = decideRule(rule, ticks, counts, lastTriggered(rule.id));
    last.set(rule.id, decided.lastTriggeredMs);
    const fired = decided.fires.map((f) => {
      const triggered_at = isoSeconds(f.tickMs);
      decisions.push({ rule, triggered_at, match_count: f.match_count });
      return triggered_at;
    });
    return {
      id: rule.id,
      name: rule.name,
      level: rule.level,
      threshold: rule.threshold,
      window_minutes: rule.window_minutes,
      enabled: rule.enabled,
      counts,
      fired,
    };
  });
  // Oldest tick first, then in rule-file order: the order receivers hear about them.
  decisions.sort((a, b) => a.triggered_at.localeCompare(b.triggered_at));
  return { rules: reports, decisions, lastTriggered: last, stats: [...stats.values()] };
}
