import { dirname, resolve } from 'node:path';
import { createSeriesProvider } from '../logs/provider.js';
import { loadRules } from '../rules/load.js';
import { EXIT, UserError } from '../util/errors.js';
import { evaluateTicks } from './count-and-decide.js';
import { backtestIncidents, planLifecycle, type BacktestIncidents } from './lifecycle-evaluate.js';
import { emptyState } from '../state/schema.js';
import { isoSeconds } from '../model/time.js';
import { sourcesFromArgs } from './sources.js';
import type { EvaluateOptions, RuleReport, SourceStats } from './types.js';

export interface BacktestOptions {
  rulesPath: string;
  logs?: string[];
  from: Date;
  to: Date;
  /** Only these rules (by id or name); all when absent. */
  only?: string[];
  env: NodeJS.ProcessEnv;
  onProgress?: EvaluateOptions['onProgress'];
  lineFormat?: EvaluateOptions['lineFormat'];
}

interface BacktestFire {
  rule_id: string;
  rule_name: string;
  triggered_at: string;
  match_count: number;
  /** Grouped rules: the instance's group. */
  group?: Record<string, string | null>;
  /** Ratio rules. */
  ratio?: number;
  denominator_count?: number;
}

export interface BacktestReport {
  project: string;
  from: string;
  to: string;
  interval_minutes: number;
  ticks: string[];
  rules: (RuleReport & { max_count: number; max_count_at: string | null })[];
  fires: BacktestFire[];
  stats: SourceStats[];
  /** Only when some rule uses the alert lifecycle: incidents (fire → resolve) per instance, and totals. */
  incidents?: BacktestIncidents['incidents'];
  totals?: BacktestIncidents['totals'];
}

/** The most ticks one backtest evaluates: a year of 5-minute ticks. */
const MAX_BACKTEST_TICKS = 366 * 24 * 12;

/**
 * Replays the rules over history on the same tick grid and decision rule as `evaluate`, starting with
 * no last_triggered_at, so users can tune threshold and window_minutes against what really happened.
 */
export async function runBacktest(opts: BacktestOptions): Promise<BacktestReport> {
  const file = await loadRules(opts.rulesPath);
  const fromMs = opts.from.getTime();
  const toMs = opts.to.getTime();
  if (!Number.isFinite(fromMs)) throw new UserError('--from is not a valid date', { exitCode: EXIT.badInput });
  if (!Number.isFinite(toMs)) throw new UserError('--to is not a valid date', { exitCode: EXIT.badInput });
  if (toMs <= fromMs)
    throw new UserError(`--to (${isoSeconds(toMs)}) must be after --from (${isoSeconds(fromMs)})`, { exitCode: EXIT.badInput });

  const step = file.evaluation.interval_minutes * 60_000;
  // Ticks in (from, to], like a run whose watermark is `from`.
  const first = Math.floor(fromMs / step) * step + step;
  const ticks: number[] = [];
  for (let t = first; t <= toMs; t += step) {
    ticks.push(t);
    if (ticks.length > MAX_BACKTEST_TICKS)
      throw new UserError(`the range has more than ${MAX_BACKTEST_TICKS} evaluation ticks; backtest a shorter range`, {
        exitCode: EXIT.badInput,
      });
  }

  let rules = file.rules;
  if (opts.only && opts.only.length > 0) {
    rules = rules.filter((r) => opts.only!.includes(r.id) || opts.only!.includes(r.name));
    const unknown = opts.only.filter((k) => !file.rules.some((r) => r.id === k || r.name === k));
    if (unknown.length > 0)
      throw new UserError(`no rule with id or name ${unknown.map((k) => `"${k}"`).join(', ')} in ${opts.rulesPath}`, {
        exitCode: EXIT.badInput,
      });
  }
  const enabledById = new Map(file.rules.map((r) => [r.id, r.enabled]));
  // A backtest asks "what if this rule were on": disabled rules are replayed too.
  rules = rules.map((r) => ({ ...r, enabled: true }));

  const fromArgs = Boolean(opts.logs && opts.logs.length > 0);
  const sources = fromArgs ? sourcesFromArgs(opts.logs!, undefined, opts.lineFormat) : file.sources;
  const provider = createSeriesProvider(sources, {
    baseDir: dirname(resolve(opts.rulesPath)),
    env: opts.env,
    onProgress: opts.onProgress,
    onUnreadable: opts.lineFormat?.onUnreadable,
  });
  const evaluated = await evaluateTicks(rules, ticks, provider, () => null, { ignoreRuleSources: fromArgs });
  // Lifecycle rules: fires from the state machine (from an empty state), and incidents per instance.
  // Value rules are measured in the same single pass as counts.
  const life = planLifecycle(rules, ticks, evaluated, emptyState());
  const decisions = life ? life.decisions : evaluated.decisions;

  return {
    project: file.project,
    from: isoSeconds(fromMs),
    to: isoSeconds(toMs),
    interval_minutes: file.evaluation.interval_minutes,
    ticks: ticks.map(isoSeconds),
    rules: evaluated.rules.map((r) => {
      const enabled = enabledById.get(r.id)!;
      let max = 0;
      let at: string | null = null;
      r.counts.forEach((c, i) => {
        if (c > max) [max, at] = [c, isoSeconds(ticks[i]!)];
      });
      return { ...r, enabled, max_count: max, max_count_at: at };
    }),
    fires: decisions.map((d) => ({
      rule_id: d.rule.id,
      rule_name: d.rule.name,
      triggered_at: d.triggered_at,
      match_count: d.match_count,
      ...(d.group ? { group: d.group } : {}),
      ...(d.denominator_count !== undefined ? { ratio: d.ratio!, denominator_count: d.denominator_count } : {}),
    })),
    stats: evaluated.stats,
    ...(life ? backtestIncidents(life, ticks, toMs) : {}),
  };
}
