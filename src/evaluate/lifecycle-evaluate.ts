import type { Decision, DeliveryOutcome, DeliveryResult } from '../deliver/types.js';
import { isoSeconds } from '../model/time.js';
import { sortByText } from '../util/sort-text.js';
import { usesLifecycle } from '../rules/lifecycle-fields.js';
import type { Rule, RulesFile } from '../rules/schema.js';
import type { State } from '../state/schema.js';
import {
  fireDecisions,
  incidentsOf,
  runRuleLifecycle,
  settleRuns,
  type FiringReport,
  type Incident,
  type MeasuredTick,
  type ResolvedReport,
  type RuleLifecycleRun,
} from './lifecycle-run.js';

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
    fired_groups?: { triggered_at: string; group: Record<string, string | null>; match_count: number }[];
  }[];
  decisions: Decision[];
  measures?: { rule: { id: string }; ticks: MeasuredTick[] }[];
}

interface LifecyclePlan {
  runs: RuleLifecycleRun[];
  /** Phase one: the seed's decisions of every other rule and the lifecycle rules' fires and re-notifications, oldest first. */
  decisions: Decision[];
}

/** The rules the lifecycle decides: enabled rules with a lifecycle field. */
function lifecycleRules(rules: readonly Rule[]): Rule[] {
  return rules.filter((r) => r.enabled && usesLifecycle(r));
}

/** The core's per-rule reports and measures, indexed by rule id once (a lookup per rule, not a scan: linear in rules). */
interface CoreIndex {
  measures: Map<string, MeasuredTick[]>;
  counts: Map<string, number[]>;
}

function indexCore(core: CoreEvaluation): CoreIndex {
  const measures = new Map<string, MeasuredTick[]>();
  // The first entry per id wins, as `find` did.
  for (const m of core.measures ?? []) if (!measures.has(m.rule.id)) measures.set(m.rule.id, m.ticks);
  const counts = new Map<string, number[]>();
  for (const r of core.rules) if (!counts.has(r.id)) counts.set(r.id, r.counts);
  return { measures, counts };
}

/** Per-tick measures of a rule: the core's when it has them, else the rule's count per tick (ungrouped count rules). */
function measuresOf(rule: Rule, ticks: readonly number[], core: CoreIndex): MeasuredTick[] {
  // The core's per-instance measures when it has them (the series core measures groups, ratios and values in one pass).
  const m = core.measures.get(rule.id);
  if (m) return m;
  if (rule.value) throw new Error(`value rule "${rule.name}" was not measured`);
  const counts = core.counts.get(rule.id) ?? [];
  const fewer = (rule as { comparison?: string }).comparison === 'fewer_than';
  return ticks.map((tickMs, i) => {
    const c = counts[i] ?? 0;
    return { tickMs, instances: [{ key: '[]', count: c, measured: c, met: fewer ? c < rule.threshold : c >= rule.threshold }] };
  });
}

/**
 * Runs the lifecycle of every lifecycle rule over the run's ticks, replaces those rules' seed decisions
 * with the lifecycle's fires, and patches their reports (fired = the lifecycle's fires and re-notifications).
 * Undefined when no enabled rule uses the lifecycle.
 */
export function planLifecycle(
  rules: readonly Rule[],
  ticks: readonly number[],
  core: CoreEvaluation,
  state: State,
): LifecyclePlan | undefined {
  const life = lifecycleRules(rules);
  if (life.length === 0) return undefined;
  const ids = new Set(life.map((r) => r.id));
  const index = indexCore(core);
  const runs = life.map((rule) => runRuleLifecycle(rule, measuresOf(rule, ticks, index), state.rules[rule.id]?.instances));
  const fires = fireDecisions(runs);
  // Each rule's fires, grouped in one pass (in fire order).
  const firedBy = new Map<string, string[]>();
  for (const f of fires) {
    const list = firedBy.get(f.run.rule.id);
    if (list) list.push(f.decision.triggered_at);
    else firedBy.set(f.run.rule.id, [f.decision.triggered_at]);
  }
  const runOf = new Map(runs.map((r) => [r.rule.id, r]));
  const firedGroupsBy = new Map<string, NonNullable<CoreEvaluation['rules'][number]['fired_groups']>>();
  for (const { run, decision: d } of fires) {
    if (!d.group) continue;
    const entry = { triggered_at: d.triggered_at, group: d.group, match_count: d.match_count };
    const list = firedGroupsBy.get(run.rule.id);
    if (list) list.push(entry);
    else firedGroupsBy.set(run.rule.id, [entry]);
  }
  for (const report of core.rules) {
    if (!ids.has(report.id)) continue;
    report.fired = firedBy.get(report.id) ?? [];
    // Grouped lifecycle rules: max_groups as the lifecycle applied it, and its fires per group.
    if (report.truncated_groups !== undefined) report.truncated_groups = runOf.get(report.id)!.truncated;
    if (report.fired_groups !== undefined) report.fired_groups = firedGroupsBy.get(report.id) ?? [];
  }
  const decisions = [...core.decisions.filter((d) => !ids.has(d.rule.id)), ...fires.map((f) => f.decision)];
  sortByText(decisions, (d) => d.triggered_at);
  return { runs, decisions };
}

/**
 * Phase two of a run and the state: settles every instance against phase one's outcomes, delivers the
 * resolves whose fire got through, and writes the lifecycle rules' state (instances, last fire) into `next`.
 * `deliver` is absent in a dry run (fires then count as delivered, nothing is sent).
 */
export async function finishLifecycle(
  plan: LifecyclePlan,
  outcomes: readonly DeliveryOutcome[],
  next: State,
  deliver: ((decisions: Decision[], state: State) => Promise<DeliveryResult>) | undefined,
  /** The state this run started from (the lifecycle rules' last fire when nothing fired now). */
  loaded: State,
): Promise<{ state: State; outcomes: DeliveryOutcome[]; resolves: Decision[]; report: LifecycleReport }> {
  const settled = settleRuns(plan.runs, outcomes, { assumeDelivered: deliver === undefined });
  let state = next;
  let more: DeliveryOutcome[] = [];
  if (deliver && settled.resolves.length > 0) {
    const delivered = await deliver(settled.resolves, state);
    state = { ...delivered.state, last_evaluated_at: state.last_evaluated_at, rules: state.rules };
    more = delivered.outcomes;
  }
  const rules = { ...state.rules };
  for (const run of plan.runs) {
    const id = run.rule.id;
    const instances = settled.instances.get(id) ?? {};
    const lastMs = settled.lastTriggered.get(id) ?? null;
    const previous = loaded.rules[id]?.last_triggered_at ?? null;
    const last = lastMs === null ? previous : isoSeconds(lastMs);
    rules[id] = { last_triggered_at: last, ...(Object.keys(instances).length > 0 ? { instances } : {}) };
  }
  return {
    state: { ...state, rules },
    outcomes: [...outcomes, ...more],
    resolves: settled.resolves,
    report: { firing: settled.firing, resolved: settled.resolved },
  };
}

/** Backtest: incidents per instance of every lifecycle rule, and totals. */
export interface BacktestIncidents {
  incidents: Incident[];
  totals: { incidents: number; firing_minutes: number; still_firing: number };
}

export function backtestIncidents(plan: LifecyclePlan, ticks: readonly number[], rangeEndMs: number): BacktestIncidents {
  const incidents = plan.runs.flatMap((run) => incidentsOf(run, ticks, rangeEndMs));
  incidents.sort((a, b) => a.start.localeCompare(b.start) || a.rule_name.localeCompare(b.rule_name));
  return {
    incidents,
    totals: {
      incidents: incidents.length,
      firing_minutes: incidents.reduce((s, i) => s + i.duration_minutes, 0),
      still_firing: incidents.filter((i) => i.end === null).length,
    },
  };
}

export type { RulesFile };
