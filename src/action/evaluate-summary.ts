import type { EvaluateReport, RuleReport } from '../evaluate/types.js';
import type { DeliveryOutcome } from '../deliver/types.js';
import { triedText } from '../logs/formats-report.js';

/** Markdown table cell: no pipes, no HTML, one line. */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

/** Text inside a Mermaid quoted string. */
function mermaidText(text: string): string {
  return text.replace(/["\\`\r\n]/g, ' ').replace(/[<>]/g, '').slice(0, 80);
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** The most ticks one chart shows (the latest ones); more would be unreadable. */
export const CHART_TICKS = 48;
/** Charts for at most this many rules (fired first). */
export const CHART_RULES = 8;

const ICON: Record<DeliveryOutcome['status'], string> = { delivered: '✅', failed: '❌', skipped: '⏸️' };

function deliveriesOf(report: EvaluateReport, rule: RuleReport): string {
  const mine = report.outcomes.filter((o) => o.rule_id === rule.id);
  if (mine.length === 0) return rule.fired.length > 0 && report.dryRun ? 'dry run' : '—';
  return mine.map((o) => `${ICON[o.status]} ${o.channel}${o.status === 'failed' && o.detail ? ` (${cell(o.detail).slice(0, 80)})` : ''}`).join('<br>');
}

function chart(report: EvaluateReport, rule: RuleReport): string {
  const from = Math.max(0, rule.counts.length - CHART_TICKS);
  const ticks = report.ticks.slice(from);
  const counts = rule.counts.slice(from);
  const top = Math.max(rule.threshold, ...counts) + 1;
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidText(rule.name)}: ${rule.level} entries per ${rule.window_minutes} min vs threshold ${rule.threshold}"`,
    `  x-axis [${ticks.map((t) => `"${hhmm(t)}"`).join(', ')}]`,
    `  y-axis "entries" 0 --> ${top}`,
    `  bar [${counts.join(', ')}]`,
    `  line [${counts.map(() => rule.threshold).join(', ')}]`,
    '```',
  ].join('\n');
}

/**
 * The job summary of one evaluation: what was evaluated, a table per rule (count against threshold,
 * fired or not, deliveries), a timeline of counts against the threshold per rule (Mermaid
 * xychart-beta: bars are counts, the line is the threshold), and what was read from each source.
 * Every piece of user text is escaped; nothing here can hold a secret (outcomes never do).
 */
export function renderEvaluateSummary(report: EvaluateReport): string {
  const failed = report.outcomes.filter((o) => o.status === 'failed').length;
  const span = report.ticks.length === 0 ? 'no new evaluation tick since the last run' : report.ticks.length === 1 ? `tick ${report.ticks[0]}` : `${report.ticks.length} ticks, ${report.ticks[0]} → ${report.ticks.at(-1)}`;
  const out: string[] = [
    `## 🔔 Threshold alerts: ${cell(report.project)}${report.dryRun ? ' (dry run)' : ''}`,
    '',
    `${span} · **${report.decisions.length}** fired · ${report.outcomes.length - failed} of ${report.outcomes.length} deliveries succeeded${report.skippedTicks > 0 ? ` · ⚠️ ${report.skippedTicks} older ticks skipped (beyond max_catchup_minutes)` : ''}`,
    '',
    '| Rule | Level | Threshold | Window | Count now | Peak | Fired | Deliveries |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of report.rules) {
    const now = r.counts.at(-1);
    const peak = r.counts.length > 0 ? Math.max(...r.counts) : undefined;
    const fired = !r.enabled ? 'disabled' : r.fired.length === 0 ? 'no' : r.fired.map((t) => `🔴 ${hhmm(t)} (${report.decisions.find((d) => d.rule.id === r.id && d.triggered_at === t)?.match_count ?? '?'})`).join('<br>');
    out.push(
      `| ${cell(r.name)} | ${r.level} | ≥ ${r.threshold} | ${r.window_minutes} min | ${now ?? '—'} | ${peak ?? '—'} | ${fired} | ${deliveriesOf(report, r)} |`,
    );
  }
  const charted = report.rules
    .filter((r) => r.enabled && r.counts.length > 0)
    .sort((a, b) => b.fired.length - a.fired.length)
    .slice(0, CHART_RULES);
  if (charted.length > 0) {
    out.push('', '### Timeline', '', 'Bars: entries in the window at each evaluation tick (UTC). Line: the threshold.', '');
    for (const r of charted) out.push(chart(report, r), '');
  }
  if (report.lifecycle && (report.lifecycle.firing.length > 0 || report.lifecycle.resolved.length > 0)) {
    // Lifecycle rules (docs/lifecycle.md): what is firing or pending, since when, and what resolved now.
    const group = (g?: Record<string, string | null>) => (g ? Object.entries(g).map(([k, v]) => `${k}=${v ?? '(none)'}`).join(', ') : '');
    out.push('', '### Alert instances', '', '| Rule | Group | State | Since / resolved at | Value |', '|---|---|---|---|---|');
    for (const f of report.lifecycle.firing) out.push(`| ${cell(f.rule_name)} | ${cell(group(f.group))} | ${f.status === 'firing' ? '🔴 firing' : '🟡 pending'} | since ${f.since} | ${f.value ?? 'no data'} |`);
    for (const r of report.lifecycle.resolved) out.push(`| ${cell(r.rule_name)} | ${cell(group(r.group))} | 🟢 resolved${r.notified ? '' : ` (not sent: ${cell(r.reason ?? '')})`} | ${r.resolved_at} (fired ${r.fired_at}) | ${r.value ?? 'no data'} |`);
  }
  if (report.stats.length > 0) {
    out.push('', '### Sources', '', '| Source | Lines read | Unreadable |', '|---|---|---|');
    for (const s of report.stats) {
      out.push(`| ${cell(s.source)} | ${s.linesRead} | ${s.unreadable > 0 ? `⚠️ ${s.unreadable}` : 0} |`);
      // Most lines unreadable (src/logs/formats-report.ts): a row with a sample line and the formats tried.
      if (s.mostlyUnreadable) out.push(`| ↳ ⚠️ most lines unreadable (${cell(triedText(s))}) | sample: ${cell(JSON.stringify(s.unreadableSamples?.[0] ?? ''))} | |`);
    }
  }
  out.push('');
  return out.join('\n');
}
