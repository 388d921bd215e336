import { LEVELS, type Level } from '../model/levels.js';
import type { SeriesSpec } from '../model/series.js';
import { windowAt, type Window } from '../model/window.js';
import { valueSeries } from '../logs/value-scan.js';
import type { ProviderOptions } from '../logs/provider.js';
import type { Rule, Source } from '../rules/schema.js';
import type { MeasuredTick } from './lifecycle-run.js';

/**
 * Measures of value rules (`value: { field, aggregate }`): the aggregate of the field over each
 * rule's window at each tick, per group, from src/logs/value-scan.ts — one read per set of sources
 * for every value rule. Empty when no enabled rule is a value rule (nothing is read).
 */
export async function measureValueRules(
  rules: readonly Rule[],
  ticks: readonly number[],
  sources: Source[],
  opts: ProviderOptions & { ignoreRuleSources?: boolean },
): Promise<Map<string, MeasuredTick[]>> {
  const out = new Map<string, MeasuredTick[]>();
  const valueRules = rules.filter((r) => r.enabled && r.value);
  if (valueRules.length === 0 || ticks.length === 0) return out;
  const bySources = new Map<string, Rule[]>();
  for (const r of valueRules) {
    const key = opts.ignoreRuleSources || !r.sources ? '' : [...new Set(r.sources)].sort().join('\n');
    bySources.set(key, [...(bySources.get(key) ?? []), r]);
  }
  for (const [key, group] of bySources) {
    const windows: Window[] = [];
    const index = new Map<string, number>();
    const at = (w: Window) => {
      const k = `${w.fromMs}:${w.toMs}`;
      let i = index.get(k);
      if (i === undefined) index.set(k, (i = windows.push(w) - 1));
      return i;
    };
    const plan = group.map((r) => ticks.map((t) => at(windowAt(t, r.window_minutes))));
    const series: SeriesSpec[] = group.map((r) => ({
      selection: { levels: levelsOf(r), where: [] },
      ...((r as { group_by?: string[] }).group_by ? { groupBy: (r as { group_by?: string[] }).group_by } : {}),
      value: r.value!,
    }));
    const result = await valueSeries(sources, { series, windows, ...(key === '' ? {} : { sources: key.split('\n') }) }, opts);
    group.forEach((rule, gi) => {
      const fewer = (rule as { comparison?: string }).comparison === 'fewer_than';
      const fields = (rule as { group_by?: string[] }).group_by;
      out.set(
        rule.id,
        ticks.map((tickMs, ti) => {
          const w = plan[gi]![ti]!;
          return {
            tickMs,
            instances: result[gi]!.groups.filter((g) => fields === undefined || g.counts[w]! > 0).map((g) => {
              const v = g.values?.[w] ?? null;
              return {
                key: JSON.stringify(g.key),
                ...(fields ? { group: Object.fromEntries(fields.map((f, k) => [f, g.key[k] ?? null])) } : {}),
                count: g.counts[w]!,
                measured: v,
                met: v !== null && (fewer ? v < rule.threshold : v >= rule.threshold),
              };
            }),
          };
        }),
      );
    });
  }
  return out;
}

function levelsOf(rule: Rule): Level[] {
  const l = (rule as { level?: unknown; min_level?: Level }).level;
  const min = (rule as { min_level?: Level }).min_level;
  if (Array.isArray(l)) return l as Level[];
  if (typeof l === 'string') return [l as Level];
  if (min) return LEVELS.slice(LEVELS.indexOf(min));
  return [...LEVELS];
}
