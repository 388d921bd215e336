import type { BacktestReport } from '../evaluate/backtest.js';
import type { Decision, EvaluateReport, RuleReport, SourceStats } from '../evaluate/types.js';
import { decisionJson } from '../evaluate/decision-json.js';
import { formatNote, sourceWarnings } from '../logs/formats-report.js';

export function evaluateJson(report: EvaluateReport) {
  return { ...report, decisions: report.decisions.map(decisionJson) };
}

function ruleLine(r: Pick<RuleReport, 'name' | 'level' | 'threshold' | 'window_minutes' | 'comparison' | 'ratios' | 'group_by'>): string {
  const op = r.comparison === 'fewer_than' ? '<' : '>=';
  const what = r.ratios ? `${r.level} ratio ${op} ${r.threshold}` : `${r.level} ${op} ${r.threshold}`;
  return `${r.name} (${what} in ${r.window_minutes} min${r.group_by ? `, per ${r.group_by.join(', ')}` : ''})`;
}

/** One fire as the text report shows it: time, count, and the group or ratio when the rule has them. */
function fireText(d: {
  triggered_at: string;
  match_count: number;
  group?: Record<string, string | null>;
  ratio?: number;
  denominator_count?: number;
}): string {
  const ratio =
    d.denominator_count !== undefined ? `${d.match_count}/${d.denominator_count} = ${Number(d.ratio!.toFixed(4))}` : String(d.match_count);
  return d.group ? `${d.triggered_at} [${groupText(d.group)}] (${ratio})` : `${d.triggered_at} (${ratio})`;
}

/** Truncation and untracked groups of a grouped rule, never silent. */
function groupNotes(r: RuleReport): string {
  const cut = (r.truncated_groups ?? []).reduce((a, b) => a + b, 0);
  const notes = [
    ...(cut > 0 ? [`${cut} more due beyond max_groups (fire on later ticks)`] : []),
    ...(r.untracked_groups ? [`${r.untracked_groups} groups not tracked (memory bound)`] : []),
  ];
  return notes.length > 0 ? `; ${notes.join('; ')}` : '';
}

function statsLines(stats: SourceStats[]): string[] {
  return stats.map((s) => {
    const bad = s.unreadable > 0 ? `, ${s.unreadable} unreadable (e.g. ${JSON.stringify(s.unreadableSamples?.[0] ?? '')})` : '';
    // The prefilter skips a line only when it cannot be an entry at a wanted level in the windows; whether it was readable is not known.
    const unchecked = s.unchecked ? `, ${s.unchecked} skipped unparsed (cannot be an entry at a watched level in the windows)` : '';
    const skipped = s.skippedBytes ? `; ${(s.skippedBytes / 1e6).toFixed(1)} MB before the windows not read (time-ordered file)` : '';
    const format = formatNote(s);
    return `  source ${s.source}: ${s.linesRead} lines${bad}${unchecked}${skipped}${format ? `; ${format}` : ''}`;
  });
}

/** Warnings about the sources (mostly unreadable, zone assumed), for stderr. */
export function statsWarnings(stats: SourceStats[]): string {
  return sourceWarnings(stats)
    .map((w) => `warning: ${w}\n`)
    .join('');
}

export function formatEvaluate(report: EvaluateReport, statePath: string): string {
  const out: string[] = [];
  if (report.ticks.length === 0) {
    // Nothing was counted: no rule lines, no source stats, no made-up zeros.
    const skipped = report.skippedTicks > 0 ? ` (${report.skippedTicks} older ticks skipped: beyond max_catchup_minutes)` : '';
    out.push(`${report.project}: no new tick since the last run${skipped}; nothing was counted or decided`);
    out.push(report.dryRun ? 'dry run: nothing delivered, state not saved' : `state saved to ${statePath}`);
    return out.join('\n') + '\n';
  }
  const span =
    report.ticks.length === 0
      ? 'no new tick since the last run'
      : report.ticks.length === 1
        ? `tick ${report.ticks[0]}`
        : `${report.ticks.length} ticks ${report.ticks[0]} … ${report.ticks.at(-1)}`;
  out.push(
    `${report.project}: ${span}${report.skippedTicks > 0 ? ` (${report.skippedTicks} older ticks skipped: beyond max_catchup_minutes)` : ''}`,
  );
  // Decisions by rule, once: a rule file of many rules is reported in linear time.
  const byRule = new Map<string, Decision[]>();
  for (const d of report.decisions) {
    const list = byRule.get(d.rule.id);
    if (list) list.push(d);
    else byRule.set(d.rule.id, [d]);
  }
  for (const r of report.rules) {
    if (!r.enabled) {
      out.push(`  -      ${ruleLine(r)}: disabled`);
      continue;
    }
    let peak = 0;
    for (const c of r.counts) if (c > peak) peak = c;
    const fires = byRule.get(r.id) ?? [];
    if (fires.length > 0) out.push(`  FIRED  ${ruleLine(r)}: ${fires.map(fireText).join(', ')}${groupNotes(r)}`);
    else out.push(`  ok     ${ruleLine(r)}: ${r.counts.length > 1 ? 'at most ' : ''}${peak}${groupNotes(r)}`);
  }
  out.push(...lifecycleLines(report));
  out.push(...statsLines(report.stats));
  for (const o of report.outcomes) {
    const http = o.http_status ? ` HTTP ${o.http_status}` : '';
    out.push(
      `  ${o.status.padEnd(9)} ${o.channel}${o.event === 'alert.resolved' ? ' (resolve)' : ''} for ${o.rule_name}${o.group ? ` [${groupText(o.group)}]` : ''} at ${o.resolved_at ?? o.triggered_at} (${o.attempts} attempt${o.attempts === 1 ? '' : 's'}${http})${o.detail ? `: ${o.detail}` : ''}`,
    );
  }
  out.push(report.dryRun ? 'dry run: nothing delivered, state not saved' : `state saved to ${statePath}`);
  return out.join('\n') + '\n';
}

export function formatBacktest(report: BacktestReport): string {
  const out: string[] = [
    `${report.project}: backtest ${report.from} … ${report.to}, ${report.ticks.length} ticks every ${report.interval_minutes} min`,
  ];
  if (report.ticks.length > 0 && report.rules.every((r) => r.max_count === 0)) {
    const levels = [...new Set(report.rules.map((r) => r.level))].join(', ');
    const span = entrySpan(report.stats);
    out.push(`the logs hold no entries at the rules' levels (${levels}) in this range${span ? `; their entries span ${span}` : ''}`);
  }
  const byRule = new Map<string, BacktestReport['fires']>();
  for (const f of report.fires) {
    const list = byRule.get(f.rule_id);
    if (list) list.push(f);
    else byRule.set(f.rule_id, [f]);
  }
  for (const r of report.rules) {
    const fires = byRule.get(r.id) ?? [];
    out.push(
      `${ruleLine(r)}${r.enabled ? '' : ' [disabled in the file]'}: fired ${fires.length} time${fires.length === 1 ? '' : 's'}, peak ${r.max_count}${r.max_count_at ? ` at ${r.max_count_at}` : ''}${groupNotes(r)}`,
    );
    for (const f of fires) {
      const ratio =
        f.denominator_count !== undefined
          ? `  ${f.match_count}/${f.denominator_count} = ${Number(f.ratio!.toFixed(4))}`
          : `  ${f.match_count}`;
      out.push(`  ${f.triggered_at}${f.group ? `  [${groupText(f.group)}]` : ''}${ratio}`);
    }
  }
  if (report.incidents && report.totals) {
    const t = report.totals;
    out.push(
      `incidents: ${t.incidents}, ${t.firing_minutes} min firing in total${t.still_firing > 0 ? `, ${t.still_firing} still firing at the end` : ''}`,
    );
    for (const i of report.incidents)
      out.push(
        `  ${i.rule_name}${i.group ? ` [${groupText(i.group)}]` : ''}: ${i.start} … ${i.end ?? '(still firing)'}, ${i.duration_minutes} min, peak ${i.peak ?? 'no data'}`,
      );
  }
  out.push(...statsLines(report.stats));
  return out.join('\n') + '\n';
}

const groupText = (g: Record<string, string | null>) =>
  Object.entries(g)
    .map(([k, v]) => `${k}=${v ?? '(none)'}`)
    .join(', ');

/** Lifecycle rules: what is firing or pending, since when, and what resolved in this run. */
function lifecycleLines(report: EvaluateReport): string[] {
  if (!report.lifecycle) return [];
  const out: string[] = [];
  const { firing, resolved } = report.lifecycle;
  for (const f of firing)
    out.push(
      `  ${f.status.toUpperCase().padEnd(9)}${f.rule_name}${f.group ? ` [${groupText(f.group)}]` : ''} since ${f.since} (value ${f.value ?? 'no data'})${f.status === 'firing' && !f.fire_delivered ? '; fire not delivered yet, retried next run' : ''}`,
    );
  for (const r of resolved)
    out.push(
      `  RESOLVED ${r.rule_name}${r.group ? ` [${groupText(r.group)}]` : ''} at ${r.resolved_at} (fired ${r.fired_at}, value ${r.value ?? 'no data'})${r.notified ? '' : ` — not sent: ${r.reason}`}`,
    );
  return out;
}

/** First … last timestamp of the entries the sources' scans read, when they say. */
function entrySpan(stats: SourceStats[]): string | undefined {
  const first = stats
    .map((s) => s.firstEntryAt)
    .filter((x): x is string => x !== undefined)
    .sort()[0];
  const last = stats
    .map((s) => s.lastEntryAt)
    .filter((x): x is string => x !== undefined)
    .sort()
    .at(-1);
  return first && last ? `${first} … ${last}` : undefined;
}
