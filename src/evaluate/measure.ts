import type { SeriesCounts, SeriesResult } from '../model/series.js';
import type { Rule } from '../rules/schema.js';
import { isFewerThan, isRatio, minDenominator } from '../rules/selection.js';
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

const UNGROUPED = '[]';

/** A rule's measurements at every tick, from its plan and its source group's series counts. */
export function measureRule(plan: RulePlan, ticks: number[], result: SeriesResult): RuleMeasures {
  const { rule } = plan;
  const num = result.series[plan.series]!;
  const den = plan.denominator !== undefined ? result.series[plan.denominator]! : undefined;
  const fewer = isFewerThan(rule);
  const minDen = minDenominator(rule);
  const isValue = rule.value !== undefined;
  const judge = (
    count: number,
    denominator: number | undefined,
    value?: number | null,
  ): Pick<InstanceMeasure, 'ratio' | 'value' | 'measured' | 'met'> => {
    if (isValue) {
      const v = value ?? null;
      return { value: v, measured: v, met: v !== null && (fewer ? v < rule.threshold : v >= rule.threshold) };
    }
    if (denominator === undefined) return { measured: count, met: fewer ? count < rule.threshold : count >= rule.threshold };
    const ratio = denominator > 0 ? count / denominator : null;
    const met = ratio !== null && denominator >= minDen && (fewer ? ratio < rule.threshold : ratio >= rule.threshold);
    return { ratio, measured: ratio, met };
  };
  const truncatedGroups = num.truncatedGroups + (den?.truncatedGroups ?? 0);

  if (!rule.group_by) {
    const n = num.groups[0]?.counts;
    const vals = num.groups[0]?.values;
    const d = den?.groups[0]?.counts;
    return {
      rule,
      truncatedGroups,
      ticks: ticks.map((tickMs, i) => {
        const w = plan.windows[i]!;
        const count = n?.[w] ?? 0;
        const denominator = den ? (d?.[w] ?? 0) : undefined;
        return { tickMs, instances: [{ key: UNGROUPED, count, ...(den ? { denominator } : {}), ...judge(count, denominator, vals?.[w]) }] };
      }),
    };
  }

  const fields = rule.group_by;
  // Ratios look their numerator up by the denominator's groups; other rules need no index (of up to 100,000 groups).
  const numByKey = den ? indexGroups(num) : undefined;
  const denByKey = den ? indexGroups(den) : undefined;
  // The groups that can be in play: the denominator's for ratios, else the rule's own.
  const universe = den ?? num;
  const keys = universe.groups.map((g) => JSON.stringify(g.key));
  const groupObjects = universe.groups.map(
    (g) => Object.fromEntries(fields.map((f, k) => [f, g.key[k] ?? null])) as Record<string, string | null>,
  );
  return {
    rule,
    truncatedGroups,
    ticks: ticks.map((tickMs, i) => {
      const w = plan.windows[i]!;
      const look = plan.lookbacks?.[i];
      const instances: InstanceMeasure[] = [];
      universe.groups.forEach((g, gi) => {
        const key = keys[gi]!;
        let count: number;
        let denominator: number | undefined;
        if (denByKey) {
          denominator = g.counts[w]!;
          if (denominator === 0) return;
          count = numByKey!.get(key)?.counts[w] ?? 0;
        } else {
          count = g.counts[w]!;
          if (look !== undefined ? g.counts[look]! === 0 : count === 0) return;
        }
        instances.push({
          key,
          group: groupObjects[gi]!,
          count,
          ...(denByKey ? { denominator } : {}),
          ...judge(count, denominator, g.values?.[w]),
        });
      });
      return { tickMs, instances };
    }),
  };
}

function indexGroups(s: SeriesCounts): Map<string, SeriesCounts['groups'][number]> {
  return new Map(s.groups.map((g) => [JSON.stringify(g.key), g]));
}

/** Whether a rule uses any issue 14 field that changes how it is measured or decided. */
export function usesInstances(rule: Rule): boolean {
  return rule.group_by !== undefined || isRatio(rule) || isFewerThan(rule) || rule.value !== undefined;
}
