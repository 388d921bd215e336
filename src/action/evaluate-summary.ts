import type { EvaluateReport, RuleReport } from '../evaluate/types.js';
import type { DeliveryOutcome } from '../deliver/types.js';
import { markdownCell } from '../util/markdown.js';
import { triedText } from '../logs/formats-report.js';
import { decideRule } from '../evaluate/decide.js';
import { CHART_LEGEND, renderChart, type ChartTick, type TickKind } from './summary-chart.js';

const cell = markdownCell;

const hhmm = (iso: string) => iso.slice(11, 16);

/** Ticks the action asks the evaluation to count for the charts (this run's plus earlier ones). */
export const SUMMARY_HISTORY_TICKS = 24;
/** At most this many ticks in one chart (the latest; a long catch-up run shows its last 48). */
const CHART_TICKS = 48;
/** Charts for at most this many rules (fired first, then the busiest); the rest are listed, collapsed. */
const CHART_RULES = 8;

const ICON: Record<DeliveryOutcome['status'], string> = { delivered: '✅', failed: '❌', skipped: '⏸️' };

/** Outcomes by rule id and decisions by rule id + tick, built once per report: a table of many rules stays linear. */
const indexes = new WeakMap<
  EvaluateReport,
  { outcomes: Map<string, DeliveryOutcome[]>; decisions: Map<string, EvaluateReport['decisions'][number]> }
>();
function indexOf(report: EvaluateReport) {
  let ix = indexes.get(report);
  if (!ix) {
    const outcomes = new Map<string, DeliveryOutcome[]>();
    for (const o of report.outcomes) {
      const list = outcomes.get(o.rule_id);
      if (list) list.push(o);
      else outcomes.set(o.rule_id, [o]);
    }
    const decisions = new Map<string, EvaluateReport['decisions'][number]>();
    for (const d of report.decisions) {
      const key = `${d.rule.id}\u0000${d.triggered_at}`;
      if (!decisions.has(key)) decisions.set(key, d); // the first, as find() returned
    }
    ix = { outcomes, decisions };
    indexes.set(report, ix);
  }
  return ix;
}

function deliveriesOf(report: EvaluateReport, rule: RuleReport): string {
  const mine = indexOf(report).outcomes.get(rule.id) ?? [];
  if (mine.length === 0) return rule.fired.length > 0 && report.dryRun ? 'dry run' : '—';
  return mine
    .map((o) => `${ICON[o.status]} ${o.channel}${o.status === 'failed' && o.detail ? ` (${cell(o.detail).slice(0, 80)})` : ''}`)
    .join('<br>');
}

/** Every tick a rule's chart shows (history, then this run), oldest first, with what happened at each. */
function chartTicks(report: EvaluateReport, rule: RuleReport): ChartTick[] {
  const fewer = rule.comparison === 'fewer_than';
  const met = (value: number) => (fewer ? value < rule.threshold : value >= rule.threshold);
  // Ratio rules chart their ratio; grouped rules their first-ranked group, as the table does.
  const values = rule.ratios ? rule.ratios.map((r) => r ?? 0) : rule.counts;
  // Earlier ticks were decided by earlier runs; for a plain rule, replaying the seed's rule over them
  // tells fired from held back. Rules with the newer fields chart this run's ticks only.
  const plain = !rule.comparison && !rule.ratios && !rule.group_by;
  const historyAt = plain ? (report.historyTicks ?? []) : [];
  const history = plain ? (rule.history ?? []).slice(0, historyAt.length) : [];
  const replayed = new Set(
    decideRule(
      { enabled: true, threshold: rule.threshold, window_minutes: rule.window_minutes },
      historyAt.map(Date.parse),
      history,
      null,
    ).fires.map((f) => f.tickMs),
  );
  const fired = new Set(rule.fired);
  const kind = (value: number, didFire: boolean): TickKind => (didFire ? 'fired' : met(value) ? 'held' : 'below');
  const ticks: ChartTick[] = [
    ...history.map((value, i) => ({ at: historyAt[i]!, value, kind: kind(value, replayed.has(Date.parse(historyAt[i]!))) })),
    ...values.map((value, i) => ({ at: report.ticks[i]!, value, kind: kind(value, fired.has(report.ticks[i]!)) })),
  ];
  return ticks.slice(-CHART_TICKS);
}

function chart(report: EvaluateReport, rule: RuleReport): string {
  return renderChart({
    title: `${rule.name}: ${rule.level} entries per ${rule.window_minutes} min, threshold ${rule.threshold}`,
    unit: `${rule.level} entries per ${rule.window_minutes} min`,
    threshold: rule.threshold,
    ticks: chartTicks(report, rule),
  });
}

/** The summary's sections, in order; each returns its Markdown lines (none to leave it out). */
type Section = (report: EvaluateReport) => string[];

function header(report: EvaluateReport): string[] {
  const failed = report.outcomes.filter((o) => o.status === 'failed').length;
  const span =
    report.ticks.length === 0
      ? 'no new evaluation tick since the last run'
      : report.ticks.length === 1
        ? `tick ${report.ticks[0]}`
        : `${report.ticks.length} ticks, ${report.ticks[0]} → ${report.ticks.at(-1)}`;
  return [
    `## 🔔 Threshold alerts: ${cell(report.project)}${report.dryRun ? ' (dry run)' : ''}`,
    '',
    `${span} · **${report.decisions.length}** fired · ${report.outcomes.length - failed} of ${report.outcomes.length} deliveries succeeded${report.skippedTicks > 0 ? ` · ⚠️ ${report.skippedTicks} older ticks skipped (beyond max_catchup_minutes)` : ''}`,
  ];
}

function rulesTable(report: EvaluateReport): string[] {
  const out = ['| Rule | Level | Threshold | Window | Count now | Peak | Fired | Deliveries |', '|---|---|---|---|---|---|---|---|'];
  for (const r of report.rules) {
    const now = r.counts.at(-1);
    const peak = r.counts.length > 0 ? Math.max(...r.counts) : undefined;
    const fired = !r.enabled
      ? 'disabled'
      : r.fired.length === 0
        ? 'no'
        : r.fired.map((t) => `🔴 ${hhmm(t)} (${indexOf(report).decisions.get(`${r.id}\u0000${t}`)?.match_count ?? '?'})`).join('<br>');
    out.push(
      `| ${cell(r.name)} | ${r.level} | ≥ ${r.threshold} | ${r.window_minutes} min | ${now ?? '—'} | ${peak ?? '—'} | ${fired} | ${deliveriesOf(report, r)} |`,
    );
  }
  return out;
}

/** A chart per rule that has something to show; rules with no entries in any charted tick collapsed. */
function timeline(report: EvaluateReport): string[] {
  const shown = report.rules.filter((r) => r.enabled && r.counts.length > 0);
  if (shown.length === 0) return [];
  const busy = shown.filter((r) => chartTicks(report, r).some((t) => t.value > 0));
  const busySet = new Set(busy);
  const quiet = shown.filter((r) => !busySet.has(r));
  const peak = (r: RuleReport) => Math.max(...chartTicks(report, r).map((t) => t.value / r.threshold));
  const charted = [...busy].sort((a, b) => b.fired.length - a.fired.length || peak(b) - peak(a)).slice(0, CHART_RULES);
  const chartedSet = new Set(charted);
  const uncharted = busy.filter((r) => !chartedSet.has(r));
  const ticks = Math.max(...shown.map((r) => chartTicks(report, r).length));
  const own = Math.min(ticks, report.ticks.length);
  const history = ticks - own;
  const span =
    ticks === 1
      ? 'This run’s tick'
      : `The last ${ticks} ticks${history > 0 ? ` (${own === 1 ? 'the last is' : `the last ${own} are`} this run’s; the earlier ones counted from the logs again)` : ''}`;
  const out = ['### Timeline', '', `${span}. ${CHART_LEGEND}`, ''];
  for (const r of charted) out.push(chart(report, r), '');
  if (uncharted.length > 0) out.push(collapsed(`${uncharted.length} more rule(s) with entries, not charted`, uncharted), '');
  if (quiet.length > 0)
    out.push(collapsed(`${quiet.length} rule(s) with no entries in ${ticks === 1 ? 'this tick' : `the last ${ticks} ticks`}`, quiet), '');
  return out;
}

function collapsed(title: string, rules: RuleReport[]): string {
  return `<details><summary>${cell(title)}</summary>\n\n${rules.map((r) => `- ${cell(r.name)} (${r.level} ≥ ${r.threshold} in ${r.window_minutes} min)`).join('\n')}\n\n</details>`;
}

function sources(report: EvaluateReport): string[] {
  if (report.stats.length === 0) return [];
  const out = ['### Sources', '', '| Source | Lines read | Unreadable |', '|---|---|---|'];
  for (const s of report.stats) {
    out.push(`| ${cell(s.source)} | ${s.linesRead} | ${s.unreadable > 0 ? `⚠️ ${s.unreadable}` : 0} |`);
    // Most lines unreadable (src/logs/formats-report.ts): a row with a sample line and the formats tried.
    if (s.mostlyUnreadable)
      out.push(
        `| ↳ ⚠️ most lines unreadable (${cell(triedText(s))}) | sample: ${cell(JSON.stringify(s.unreadableSamples?.[0] ?? ''))} | |`,
      );
  }
  return out;
}

/** Lifecycle rules (docs/lifecycle.md): what is firing or pending, since when, and what resolved now. */
function alertInstances(report: EvaluateReport): string[] {
  if (!report.lifecycle || (report.lifecycle.firing.length === 0 && report.lifecycle.resolved.length === 0)) return [];
  const group = (g?: Record<string, string | null>) =>
    g
      ? Object.entries(g)
          .map(([k, v]) => `${k}=${v ?? '(none)'}`)
          .join(', ')
      : '';
  const out = ['### Alert instances', '', '| Rule | Group | State | Since / resolved at | Value |', '|---|---|---|---|---|'];
  for (const f of report.lifecycle.firing)
    out.push(
      `| ${cell(f.rule_name)} | ${cell(group(f.group))} | ${f.status === 'firing' ? '🔴 firing' : '🟡 pending'} | since ${f.since} | ${f.value ?? 'no data'} |`,
    );
  for (const r of report.lifecycle.resolved)
    out.push(
      `| ${cell(r.rule_name)} | ${cell(group(r.group))} | 🟢 resolved${r.notified ? '' : ` (not sent: ${cell(r.reason ?? '')})`} | ${r.resolved_at} (fired ${r.fired_at}) | ${r.value ?? 'no data'} |`,
    );
  return out;
}

/** Add a section here and it appears in this order, a blank line apart. */
const SUMMARY_SECTIONS: Section[] = [header, rulesTable, timeline, alertInstances, sources];

/**
 * The job summary of one evaluation: what was evaluated, a table per rule (count against threshold,
 * fired or not, deliveries), a timeline per rule over its recent ticks (summary-chart.ts), and what
 * was read from each source. Sections are listed in SUMMARY_SECTIONS.
 * Every piece of user text is escaped; nothing here can hold a secret (outcomes never do).
 */
export function renderEvaluateSummary(report: EvaluateReport): string {
  const parts = SUMMARY_SECTIONS.map((section) => section(report)).filter((lines) => lines.length > 0);
  return `${parts.map((lines) => lines.join('\n').replace(/\n+$/, '')).join('\n\n')}\n`;
}
