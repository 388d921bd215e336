import type { BacktestReport } from '../evaluate/backtest.js';
import type { Decision, EvaluateReport, SourceStats } from '../evaluate/types.js';

/** What `--json` prints for a decision: the rule by id and name, not its whole configuration. */
export function decisionJson(d: Decision) {
  return {
    rule_id: d.rule.id,
    rule_name: d.rule.name,
    level: d.rule.level,
    threshold: d.rule.threshold,
    window_minutes: d.rule.window_minutes,
    match_count: d.match_count,
    triggered_at: d.triggered_at,
  };
}

export function evaluateJson(report: EvaluateReport) {
  return { ...report, decisions: report.decisions.map(decisionJson) };
}

function ruleLine(r: { name: string; level: string; threshold: number; window_minutes: number; enabled: boolean }): string {
  return `${r.name} (${r.level} >= ${r.threshold} in ${r.window_minutes} min)`;
}

function statsLines(stats: SourceStats[]): string[] {
  return stats.map((s) => {
    const bad = s.unreadable > 0 ? `, ${s.unreadable} unreadable (e.g. ${JSON.stringify(s.unreadableSamples?.[0] ?? '')})` : '';
    const unchecked = s.unchecked ? `, ${s.unchecked} not parsed (no wanted level or time)` : '';
    const skipped = s.skippedBytes ? `; ${(s.skippedBytes / 1e6).toFixed(1)} MB before the windows not read (time-ordered file)` : '';
    return `  source ${s.source}: ${s.linesRead} lines${bad}${unchecked}${skipped}`;
  });
}

export function formatEvaluate(report: EvaluateReport, statePath: string): string {
  const out: string[] = [];
  const span = report.ticks.length === 0 ? 'no new tick since the last run' : report.ticks.length === 1 ? `tick ${report.ticks[0]}` : `${report.ticks.length} ticks ${report.ticks[0]} … ${report.ticks.at(-1)}`;
  out.push(`${report.project}: ${span}${report.skippedTicks > 0 ? ` (${report.skippedTicks} older ticks skipped: beyond max_catchup_minutes)` : ''}`);
  for (const r of report.rules) {
    if (!r.enabled) {
      out.push(`  -      ${ruleLine(r)}: disabled`);
      continue;
    }
    const peak = r.counts.length > 0 ? Math.max(...r.counts) : 0;
    if (r.fired.length > 0) out.push(`  FIRED  ${ruleLine(r)}: ${r.fired.map((t) => `${t} (${report.decisions.find((d) => d.rule.id === r.id && d.triggered_at === t)?.match_count})`).join(', ')}`);
    else out.push(`  ok     ${ruleLine(r)}: ${r.counts.length > 1 ? 'at most ' : ''}${peak}`);
  }
  out.push(...statsLines(report.stats));
  for (const o of report.outcomes) {
    const http = o.http_status ? ` HTTP ${o.http_status}` : '';
    out.push(`  ${o.status.padEnd(9)} ${o.channel} for ${o.rule_name} at ${o.triggered_at} (${o.attempts} attempt${o.attempts === 1 ? '' : 's'}${http})${o.detail ? `: ${o.detail}` : ''}`);
  }
  out.push(report.dryRun ? 'dry run: nothing delivered, state not saved' : `state saved to ${statePath}`);
  return out.join('\n') + '\n';
}

export function formatBacktest(report: BacktestReport): string {
  const out: string[] = [`${report.project}: backtest ${report.from} … ${report.to}, ${report.ticks.length} ticks every ${report.interval_minutes} min`];
  for (const r of report.rules) {
    const fires = report.fires.filter((f) => f.rule_id === r.id);
    out.push(`${ruleLine(r)}${r.enabled ? '' : ' [disabled in the file]'}: fired ${fires.length} time${fires.length === 1 ? '' : 's'}, peak ${r.max_count}${r.max_count_at ? ` at ${r.max_count_at}` : ''}`);
    for (const f of fires) out.push(`  ${f.triggered_at}  ${f.match_count}`);
  }
  out.push(...statsLines(report.stats));
  return out.join('\n') + '\n';
}
