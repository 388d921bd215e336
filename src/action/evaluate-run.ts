import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDeliverer } from '../deliver/deliverer.js';
import { runEvaluation } from '../evaluate/run.js';
import type { EvaluateReport } from '../evaluate/types.js';
import { secretValues } from '../rules/secrets.js';
import { levelLabel } from '../rules/selection.js';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { decisionJson } from '../evaluate/decision-json.js';
import { parseCalendarTime } from '../util/calendar-time.js';
import { sourceWarnings } from '../logs/formats-report.js';
import { parseSecretsBundle, parseSecretsJson, type SecretSources } from '../evaluate/secrets.js';
import { parseBoolean } from './notify-inputs.js';
import { Runner } from './runner.js';
import { SUMMARY_HISTORY_TICKS, renderEvaluateSummary } from './evaluate-summary.js';

/** The evaluate action's inputs and their defaults (evaluate/action.yml; a test keeps them in step). */
export const EVALUATE_INPUTS = {
  rules: 'alerts.yml',
  logs: '',
  state: 'apialerts-state.json',
  now: '',
  dry_run: 'false',
  allow_private_targets: 'false',
  fail_on_delivery_error: 'true',
  summary: 'true',
  secrets_json: '',
  secrets_bundle: '',
  heartbeat_url: '',
  heartbeat_event: 'false',
} as const;

export const EVALUATE_OUTPUTS = [
  'fired',
  'fired_count',
  'outcomes',
  'deliveries_failed',
  'ticks',
  'lines_read',
  'unreadable_lines',
  'state_saved',
  'firing',
  'resolved',
] as const;
type EvaluateOutput = (typeof EVALUATE_OUTPUTS)[number];

/** Exit codes, as the CLI's evaluate: 2 bad input, 3 deliveries failed (when that fails the step), 1 unexpected. */
const EVALUATE_EXIT = {
  ok: EXIT.ok,
  unexpected: EXIT.failure,
  badInput: EXIT.badInput,
  deliveryFailed: EXIT.deliveryFailed,
} as const;

/** Everything the evaluate action needs, read and checked before anything is counted. */
interface EvaluateConfig {
  rulesPath: string;
  logs: string[];
  statePath: string;
  now?: Date;
  dryRun: boolean;
  allowPrivateTargets: boolean;
  failOnDeliveryError: boolean;
  summary: boolean;
  /** The process env without the inputs that carry secrets (SECRET_INPUTS). */
  env: NodeJS.ProcessEnv;
  /** What the reusable workflow carried in; the evaluation keeps only the variables the rule file names. */
  secrets: SecretSources;
  heartbeat?: { url?: string; event: boolean };
}

/**
 * Every env var the rule file names holds a secret or a credential-bearing URL: mask them all first,
 * as the CLI redacts them (src/rules/secrets.ts secretValues: read from the text, so an invalid file's
 * names are masked too, at no second parse).
 */
async function maskNamedSecrets(runner: Runner, rulesPath: string, env: NodeJS.ProcessEnv): Promise<void> {
  // An unreadable rule file is reported by the evaluation itself; the delivery defaults are masked still.
  const text = await readFile(rulesPath, 'utf8').catch(() => '');
  for (const { value, list } of secretValues(text, env)) runner.setSecret(value, { list });
}

/**
 * The secrets a reusable workflow carries in: `${{ toJSON(secrets) }}` (declared ones, or all with
 * inherit) and a bundle of NAME=value lines. Every value is masked at once, even from a bundle
 * line that does not parse; the evaluation keeps only the variables the rule file names.
 */
function secretsFromInputs(runner: Runner, input: (name: keyof typeof EVALUATE_INPUTS) => string): SecretSources {
  const byName = parseSecretsJson(input('secrets_json'));
  for (const value of Object.values(byName)) runner.setSecret(value);
  const bundleText = input('secrets_bundle');
  for (const line of bundleText.split(/\r?\n/)) {
    const value = line.slice(line.indexOf('=') + 1).trim();
    if (line.includes('=') && value) runner.setSecret(value);
  }
  const bundle = bundleText.trim() ? parseSecretsBundle(bundleText, 'input secrets_bundle') : {};
  for (const value of Object.values(bundle)) runner.setSecret(value);
  return { byName, bundle };
}

/** Inputs that carry secrets: read once, then gone from the environment the evaluation and its workers see. */
const SECRET_INPUTS = ['INPUT_SECRETS_JSON', 'INPUT_SECRETS_BUNDLE', 'INPUT_HEARTBEAT_URL'];

/**
 * The one place the evaluate action's inputs are read: secrets first (masked before anything can
 * print), then every input checked. Throws UserError (exit 2) naming the bad input.
 */
async function readEvaluateConfig(runner: Runner, processEnv: NodeJS.ProcessEnv): Promise<EvaluateConfig> {
  const input = (name: keyof typeof EVALUATE_INPUTS): string => runner.getInput(name) || EVALUATE_INPUTS[name];
  const bad = (message: string) => new UserError(message, { exitCode: EVALUATE_EXIT.badInput });
  const bool = (name: keyof typeof EVALUATE_INPUTS): boolean => {
    try {
      return parseBoolean(name, input(name));
    } catch (err) {
      throw bad(errorMessage(err));
    }
  };
  const rulesPath = input('rules');
  const heartbeatUrl = input('heartbeat_url').trim();
  runner.setSecret(heartbeatUrl);
  const secrets = secretsFromInputs(runner, input);
  const env: NodeJS.ProcessEnv = { ...processEnv };
  for (const name of SECRET_INPUTS) {
    delete env[name];
    delete process.env[name];
  }
  await maskNamedSecrets(runner, rulesPath, { ...secrets.bundle, ...secrets.byName, ...env });

  const nowText = input('now');
  const heartbeatEvent = bool('heartbeat_event');
  const config: EvaluateConfig = {
    rulesPath,
    logs: input('logs')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
    statePath: input('state'),
    dryRun: bool('dry_run'),
    allowPrivateTargets: bool('allow_private_targets'),
    failOnDeliveryError: bool('fail_on_delivery_error'),
    summary: bool('summary'),
    env,
    secrets,
  };
  if (nowText) config.now = parseCalendarTime(nowText, 'input now');
  if (heartbeatUrl || heartbeatEvent) config.heartbeat = { ...(heartbeatUrl ? { url: heartbeatUrl } : {}), event: heartbeatEvent };
  return config;
}

/**
 * The evaluate action: one scheduled evaluation (every tick since the saved state's watermark),
 * deliveries, then the log, annotations, outputs and job summary; returns the exit code. The state
 * file is written by the evaluation itself; the reusable workflow caches it between runs.
 */
export async function run(processEnv: NodeJS.ProcessEnv = process.env, runner = new Runner()): Promise<number> {
  let config: EvaluateConfig;
  let report: EvaluateReport;
  try {
    config = await readEvaluateConfig(runner, processEnv);
    if (!config.dryRun) await mkdir(dirname(config.statePath), { recursive: true });
    report = await runEvaluation({
      rulesPath: config.rulesPath,
      ...(config.logs.length > 0 ? { logs: config.logs } : {}),
      statePath: config.statePath,
      ...(config.now ? { now: config.now } : {}),
      dryRun: config.dryRun,
      allowPrivateTargets: config.allowPrivateTargets,
      env: config.env,
      secrets: config.secrets,
      // The summary charts each rule's recent ticks, counted in the same pass as this run's.
      ...(config.summary ? { historyTicks: SUMMARY_HISTORY_TICKS } : {}),
      ...(config.heartbeat ? { heartbeat: config.heartbeat } : {}),
      deliverer: createDeliverer({ allowPrivateTargets: config.allowPrivateTargets, log: (line) => runner.warning(line) }),
    });
  } catch (err) {
    const bad = err instanceof UserError;
    runner.error(`${bad ? '' : 'unexpected error: '}${errorMessage(err)}`);
    runner.setOutput('state_saved', 'false');
    return bad ? EVALUATE_EXIT.badInput : EVALUATE_EXIT.unexpected;
  }
  await writeReport(runner, report, config);
  const failed = report.outcomes.some((o) => o.status === 'failed');
  return failed && config.failOnDeliveryError ? EVALUATE_EXIT.deliveryFailed : EVALUATE_EXIT.ok;
}

/** The log lines and annotations of one evaluation. */
function logReport(runner: Runner, report: EvaluateReport): void {
  const failed = report.outcomes.filter((o) => o.status === 'failed');
  runner.info(
    `${report.project}: ${report.ticks.length} tick(s) evaluated, ${report.decisions.length} fired, ${report.outcomes.length - failed.length}/${report.outcomes.length} deliveries succeeded${report.dryRun ? ' (dry run)' : ''}`,
  );
  for (const d of report.decisions)
    runner.info(
      `fired: ${d.rule.name} at ${d.triggered_at} (${d.match_count} ${levelLabel(d.rule)} ${d.rule.comparison === 'fewer_than' ? '<' : '>='} ${d.rule.threshold} in ${d.rule.window_minutes} min)${d.group ? ` for ${JSON.stringify(d.group)}` : ''}`,
    );
  for (const o of failed)
    runner.error(
      `${o.channel} delivery for "${o.rule_name}" at ${o.triggered_at} failed after ${o.attempts} attempt(s): ${o.detail ?? 'unknown reason'}`,
    );
  for (const o of report.outcomes.filter((x) => x.status === 'skipped'))
    runner.warning(`${o.channel} for "${o.rule_name}" skipped: ${o.detail ?? ''}`);
  for (const w of sourceWarnings(report.stats)) runner.warning(w); // mostly unreadable (sample, formats tried); zone-less times read as UTC
  for (const s of report.stats.filter((x) => x.unreadable > 0 && !x.mostlyUnreadable))
    runner.warning(
      `${s.unreadable} of ${s.linesRead} lines in ${s.source} could not be read (e.g. ${JSON.stringify(s.unreadableSamples?.[0] ?? '')})`,
    );
  if (report.heartbeat?.url && report.heartbeat.url !== 'sent') runner.warning(`heartbeat URL ${report.heartbeat.url}`);
  if (report.heartbeat?.event && report.heartbeat.event !== 'sent') runner.warning(`heartbeat event ${report.heartbeat.event}`);
  if (report.skippedTicks > 0) runner.warning(`${report.skippedTicks} evaluation ticks older than max_catchup_minutes were skipped`);
}

/** Every output of the action, by name, from one report. */
function reportOutputs(report: EvaluateReport): Record<EvaluateOutput, string> {
  return {
    fired: JSON.stringify(report.decisions.map(decisionJson)),
    fired_count: String(report.decisions.length),
    outcomes: JSON.stringify(report.outcomes),
    deliveries_failed: String(report.outcomes.filter((o) => o.status === 'failed').length),
    ticks: JSON.stringify(report.ticks),
    lines_read: String(report.stats.reduce((n, s) => n + s.linesRead, 0)),
    unreadable_lines: String(report.stats.reduce((n, s) => n + s.unreadable, 0)),
    state_saved: String(report.stateSaved),
    // Lifecycle rules: instances firing or pending (and since when), and what resolved in this run.
    firing: JSON.stringify(report.lifecycle?.firing ?? []),
    resolved: JSON.stringify(report.lifecycle?.resolved ?? []),
  };
}

/** Log, annotations, outputs and (unless turned off) the job summary. */
async function writeReport(runner: Runner, report: EvaluateReport, config: EvaluateConfig): Promise<void> {
  logReport(runner, report);
  for (const [name, value] of Object.entries(reportOutputs(report))) runner.setOutput(name, value);
  if (config.summary) await runner.appendSummary(renderEvaluateSummary(report));
}
