import { dirname, resolve } from 'node:path';
import { createSeriesProvider } from '../logs/provider.js';
import { loadRules } from '../rules/load.js';
import type { RulesFile } from '../rules/schema.js';
import { checkStateWritable, loadState, pruneState, saveState } from '../state/store.js';
import type { State } from '../state/schema.js';
import { EXIT, UserError } from '../util/errors.js';
import { evaluateTicks } from './count-and-decide.js';
import { finishLifecycle, planLifecycle } from './lifecycle-evaluate.js';
import { isoSeconds } from '../model/time.js';
import { sourcesFromArgs } from './sources.js';
import { planTicks } from './ticks.js';
import { sendHeartbeat } from './heartbeat.js';
import { preflight, unconsumedRules } from './preflight.js';
import { environmentWithSecrets, selectSecrets } from './secrets.js';
import { secretEnvs } from '../rules/secrets.js';
import type { EvaluateOptions, EvaluateReport } from './types.js';

/**
 * One scheduled evaluation: every tick since the watermark (bounded catch-up), decided with the seed's
 * rule, handed to delivery, then the state saved atomically.
 *
 * Delivery is at-least-once: state is saved only after delivery returns, so a run that dies between
 * deciding and saving leaves the old state, and the next run decides (and delivers) those ticks again.
 * A fire that could not be delivered still sets last_triggered_at (as the seed does); the webhook's
 * failure counter, not a re-fire, is what tracks a failing receiver.
 */
export async function runEvaluation(opts: EvaluateOptions): Promise<EvaluateReport> {
  const loaded = await loadRules(opts.rulesPath);
  const file: RulesFile = opts.allowPrivateTargets ? { ...loaded, delivery: { ...loaded.delivery, allow_private_targets: true } } : loaded;
  const fromArgs = opts.logs && opts.logs.length > 0;
  const sources = fromArgs ? sourcesFromArgs(opts.logs!, undefined, opts.lineFormat) : file.sources;
  // Secrets passed by name or in a bundle: only the variables the rule file names, under the process's env.
  const env = opts.secrets
    ? environmentWithSecrets(
        opts.env,
        selectSecrets(
          secretEnvs(file, sources).map((e) => e.name),
          opts.secrets,
        ),
      )
    : opts.env;
  // Every variable the run needs, before anything is counted or the state is read.
  preflight(file, env, { sources, ignoreRuleSources: !!fromArgs, dryRun: opts.dryRun, heartbeatEvent: !!opts.heartbeat?.event });
  const state = await loadState(opts.statePath);
  // Before anything is counted or delivered: a result that cannot be recorded is never delivered.
  if (!opts.dryRun) await checkStateWritable(opts.statePath);

  const nowMs = (opts.now ?? new Date()).getTime();
  if (!Number.isFinite(nowMs)) throw new UserError('the evaluation time (now) is not a valid date', { exitCode: EXIT.badInput });
  const watermark = state.last_evaluated_at === null ? null : Date.parse(state.last_evaluated_at);
  if (watermark !== null && watermark > nowMs)
    throw new UserError(
      `state file ${opts.statePath} was last evaluated at ${state.last_evaluated_at}, after the evaluation time ${isoSeconds(nowMs)}; ` +
        'pass a later --now or use another state file (it was left untouched)',
      { exitCode: EXIT.badInput },
    );
  const plan = planTicks(watermark, nowMs, file.evaluation.interval_minutes, file.evaluation.max_catchup_minutes);

  const provider = createSeriesProvider(sources, {
    baseDir: dirname(resolve(opts.rulesPath)),
    env,
    onProgress: opts.onProgress,
    onUnreadable: opts.lineFormat?.onUnreadable,
  });
  const lastTriggered = (id: string) => {
    const at = state.rules[id]?.last_triggered_at;
    return at ? Date.parse(at) : null;
  };
  const history = historyBefore(plan.ticks, file.evaluation.interval_minutes, opts.historyTicks);
  const evaluated = await evaluateTicks(file.rules, plan.ticks, provider, lastTriggered, {
    ignoreRuleSources: fromArgs,
    instanceState: (id) => state.rules[id]?.instances,
    ...(history ? { historyTicks: history } : {}),
  });
  // Lifecycle rules (docs/lifecycle.md) fire from their state machine; without any, nothing changes here.
  // Their measures (value rules' aggregates included) come from the same single pass as every count.
  const life = planLifecycle(file.rules, plan.ticks, evaluated, state);
  const decisions = life ? life.decisions : evaluated.decisions;

  const report: EvaluateReport = {
    project: file.project,
    ticks: plan.ticks.map(isoSeconds),
    skippedTicks: plan.skipped,
    ...(history ? { historyTicks: history.map(isoSeconds) } : {}),
    rules: evaluated.rules,
    decisions,
    outcomes: [],
    stats: evaluated.stats,
    dryRun: opts.dryRun,
    stateSaved: false,
  };
  if (opts.dryRun) {
    if (life) report.lifecycle = (await finishLifecycle(life, [], state, undefined, state)).report;
    return report;
  }

  let next: State = {
    ...state,
    last_evaluated_at: plan.ticks.length > 0 ? isoSeconds(plan.ticks.at(-1)!) : state.last_evaluated_at,
    rules: { ...state.rules },
  };
  for (const [id, ms] of evaluated.lastTriggered) {
    const instances = evaluated.instances.get(id);
    // Instance state only for grouped rules that have some: every other rule's state stays the seed's shape.
    next.rules[id] = {
      last_triggered_at: ms === null ? null : isoSeconds(ms),
      ...(instances && Object.keys(instances).length > 0 ? { instances } : {}),
    };
  }
  next = pruneState(
    next,
    file.rules.map((r) => r.id),
  );

  if (decisions.length > 0) {
    if (!opts.deliverer) throw new Error('rules fired but no deliverer was given (use a dry run to only decide)');
    const delivered = await opts.deliverer.deliver(decisions, file, next, env);
    report.outcomes = delivered.outcomes;
    // A fire whose every delivery failed for a configuration reason is not consumed: it fires again.
    for (const id of unconsumedRules(delivered.outcomes)) next.rules[id] = state.rules[id] ?? { last_triggered_at: null };
    next = pruneState(
      { ...delivered.state, last_evaluated_at: next.last_evaluated_at, rules: next.rules },
      file.rules.map((r) => r.id),
    );
  }
  if (life) {
    // Phase two: resolves whose fire got through; then the lifecycle rules' instance state.
    const deliverer = opts.deliverer;
    const fin = await finishLifecycle(
      life,
      report.outcomes,
      next,
      deliverer ? (ds, s) => deliverer.deliver(ds, file, s, env) : undefined,
      state,
    );
    if (fin.resolves.length > 0 && !deliverer) throw new Error('alerts resolved but no deliverer was given (use a dry run to only decide)');
    next = pruneState(
      fin.state,
      file.rules.map((r) => r.id),
    );
    report.outcomes = fin.outcomes;
    report.lifecycle = fin.report;
  }
  await saveState(opts.statePath, next);
  report.stateSaved = true;
  if (opts.heartbeat && (opts.heartbeat.url || opts.heartbeat.event) && !report.outcomes.some((o) => o.status === 'failed'))
    report.heartbeat = await sendHeartbeat(opts.heartbeat, {
      project: file.project,
      ticks: report.ticks.length,
      fired: report.decisions.length,
      ...(env[file.delivery.apialerts_key_env] ? { apiKey: env[file.delivery.apialerts_key_env]! } : {}),
      env,
    });
  return report;
}

/** The grid ticks just before `ticks` that make a chart of `wanted` ticks; undefined when not asked for. */
function historyBefore(ticks: number[], intervalMinutes: number, wanted: number | undefined): number[] | undefined {
  if (wanted === undefined) return undefined;
  const first = ticks[0];
  const extra = first === undefined ? 0 : Math.max(0, Math.floor(wanted) - ticks.length);
  return Array.from({ length: extra }, (_, i) => first! - (extra - i) * intervalMinutes * 60_000);
}
