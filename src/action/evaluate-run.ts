import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDeliverer } from '../deliver/deliverer.js';
import { runEvaluation } from '../evaluate/run.js';
import type { EvaluateReport } from '../evaluate/types.js';
import { loadRules } from '../rules/load.js';
import { UserError, errorMessage } from '../util/errors.js';
import { parseCalendarTime } from '../util/calendar-time.js';
import { parseBoolean } from './notify-inputs.js';
import { Runner } from './notify-runner.js';
import { renderEvaluateSummary } from './evaluate-summary.js';
import { sourceWarnings } from '../logs/formats-report.js';
import { urlPasswordForms } from '../util/userinfo.js';
import { parseSecretsBundle, parseSecretsJson, type SecretSources } from '../evaluate/secrets.js';

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

export const EVALUATE_OUTPUTS = ['fired', 'fired_count', 'outcomes', 'deliveries_failed', 'ticks', 'lines_read', 'unreadable_lines', 'state_saved'] as const;

/** Exit codes, as the CLI's evaluate: 2 bad input, 3 deliveries failed (when that fails the step), 1 unexpected. */
const EXIT_BAD_INPUT = 2;
const EXIT_DELIVERY_FAILED = 3;

/** Every env var the rule file names holds a secret or a credential-bearing URL: mask them all first. */
async function maskSecrets(runner: Runner, rulesPath: string, env: NodeJS.ProcessEnv): Promise<void> {
  let names: string[] = ['APIALERTS_API_KEY', 'SMTP_URL'];
  try {
    const file = await loadRules(rulesPath);
    names = [
      file.delivery.smtp_url_env,
      file.delivery.apialerts_key_env,
      ...file.rules.flatMap((r) => (r.notify_webhook_secret_env ? [r.notify_webhook_secret_env] : [])),
      ...file.sources.flatMap((s) => ('url_env' in s ? [s.url_env] : 'token_env' in s && s.token_env ? [s.token_env] : [])),
    ];
  } catch {
    // An unreadable rule file is reported by the evaluation itself.
  }
  for (const name of names) {
    const value = env[name];
    if (!value) continue;
    runner.setSecret(value);
    for (const part of value.split(/\s+/)) if (part !== value) runner.setSecret(part); // each secret of a rotation
    for (const form of urlPasswordForms(value)) runner.setSecret(form);
  }
}

/**
 * The secrets a reusable workflow carries in: `${{ toJSON(secrets) }}` (declared ones, or all with
 * inherit) and a bundle of NAME=value lines. Every value is masked at once; the evaluation keeps only
 * the variables the rule file names.
 */
function secretsFromInputs(runner: Runner): SecretSources {
  const byName = parseSecretsJson(input(runner, 'secrets_json'));
  for (const value of Object.values(byName)) if (value) runner.setSecret(value);
  const bundleText = input(runner, 'secrets_bundle');
  for (const line of bundleText.split(/\r?\n/)) {
    const value = line.slice(line.indexOf('=') + 1).trim();
    if (line.includes('=') && value) runner.setSecret(value);
  }
  const bundle = bundleText.trim() ? parseSecretsBundle(bundleText, 'input secrets_bundle') : {};
  for (const value of Object.values(bundle)) if (value) runner.setSecret(value);
  return { byName, bundle };
}

/** Inputs that carry secrets: read once, then gone from the environment the evaluation and its workers see. */
const SECRET_INPUTS = ['INPUT_SECRETS_JSON', 'INPUT_SECRETS_BUNDLE', 'INPUT_HEARTBEAT_URL'];

function input(runner: Runner, name: keyof typeof EVALUATE_INPUTS): string {
  return runner.getInput(name) || EVALUATE_INPUTS[name];
}

/**
 * The evaluate action: one scheduled evaluation (every tick since the saved state's watermark),
 * deliveries, outputs, a job summary and annotations. The state file is written by the evaluation
 * itself; the reusable workflow caches it between runs.
 */
export async function run(processEnv: NodeJS.ProcessEnv = process.env, runner = new Runner(processEnv)): Promise<void> {
  let report: EvaluateReport;
  let failOnDelivery = true;
  let summary = true;
  const rulesPath = input(runner, 'rules');
  let secrets: SecretSources;
  const heartbeatUrl = input(runner, 'heartbeat_url').trim();
  if (heartbeatUrl) runner.setSecret(heartbeatUrl);
  const env: NodeJS.ProcessEnv = { ...processEnv };
  try {
    secrets = secretsFromInputs(runner);
    for (const name of SECRET_INPUTS) {
      delete env[name];
      delete process.env[name];
    }
  } catch (err) {
    runner.error(errorMessage(err));
    runner.setOutput('state_saved', 'false');
    process.exitCode = EXIT_BAD_INPUT;
    return;
  }
  await maskSecrets(runner, rulesPath, { ...secrets.bundle, ...secrets.byName, ...env });
  try {
    failOnDelivery = parseBoolean('fail_on_delivery_error', input(runner, 'fail_on_delivery_error'));
    const dryRun = parseBoolean('dry_run', input(runner, 'dry_run'));
    const allowPrivate = parseBoolean('allow_private_targets', input(runner, 'allow_private_targets'));
    summary = parseBoolean('summary', input(runner, 'summary'));
    const heartbeatEvent = parseBoolean('heartbeat_event', input(runner, 'heartbeat_event'));
    const nowText = input(runner, 'now');
    const now = nowText ? parseCalendarTime(nowText, 'input now') : undefined;
    const logs = input(runner, 'logs').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    const statePath = input(runner, 'state');
    if (!dryRun) await mkdir(dirname(statePath), { recursive: true });
    report = await runEvaluation({
      rulesPath,
      ...(logs.length > 0 ? { logs } : {}),
      statePath,
      ...(now ? { now } : {}),
      dryRun,
      allowPrivateTargets: allowPrivate,
      env,
      secrets,
      ...(heartbeatUrl || heartbeatEvent ? { heartbeat: { ...(heartbeatUrl ? { url: heartbeatUrl } : {}), event: heartbeatEvent } } : {}),
      deliverer: createDeliverer({ allowPrivateTargets: allowPrivate, log: (line) => runner.warning(line) }),
    });
  } catch (err) {
    const bad = err instanceof UserError;
    runner.error(`${bad ? '' : 'unexpected error: '}${errorMessage(err)}`);
    runner.setOutput('state_saved', 'false');
    process.exitCode = bad ? EXIT_BAD_INPUT : 1;
    return;
  }

  const failed = report.outcomes.filter((o) => o.status === 'failed');
  runner.info(
    `${report.project}: ${report.ticks.length} tick(s) evaluated, ${report.decisions.length} fired, ${report.outcomes.length - failed.length}/${report.outcomes.length} deliveries succeeded${report.dryRun ? ' (dry run)' : ''}`,
  );
  for (const d of report.decisions) runner.info(`fired: ${d.rule.name} at ${d.triggered_at} (${d.match_count} ${d.rule.level} >= ${d.rule.threshold} in ${d.rule.window_minutes} min)`);
  for (const o of failed) runner.error(`${o.channel} delivery for "${o.rule_name}" at ${o.triggered_at} failed after ${o.attempts} attempt(s): ${o.detail ?? 'unknown reason'}`);
  for (const o of report.outcomes.filter((x) => x.status === 'skipped')) runner.warning(`${o.channel} for "${o.rule_name}" skipped: ${o.detail ?? ''}`);
  for (const w of sourceWarnings(report.stats)) runner.warning(w); // mostly unreadable (sample, formats tried); zone-less times read as UTC
  for (const s of report.stats.filter((x) => x.unreadable > 0 && !x.mostlyUnreadable))
    runner.warning(`${s.unreadable} of ${s.linesRead} lines in ${s.source} could not be read (e.g. ${JSON.stringify(s.unreadableSamples?.[0] ?? '')})`);
  if (report.heartbeat?.url && report.heartbeat.url !== 'sent') runner.warning(`heartbeat URL ${report.heartbeat.url}`);
  if (report.heartbeat?.event && report.heartbeat.event !== 'sent') runner.warning(`heartbeat event ${report.heartbeat.event}`);
  if (report.skippedTicks > 0) runner.warning(`${report.skippedTicks} evaluation ticks older than max_catchup_minutes were skipped`);

  runner.setOutput(
    'fired',
    JSON.stringify(report.decisions.map((d) => ({ rule_id: d.rule.id, rule_name: d.rule.name, level: d.rule.level, threshold: d.rule.threshold, window_minutes: d.rule.window_minutes, match_count: d.match_count, triggered_at: d.triggered_at }))),
  );
  runner.setOutput('fired_count', String(report.decisions.length));
  runner.setOutput('outcomes', JSON.stringify(report.outcomes));
  runner.setOutput('deliveries_failed', String(failed.length));
  runner.setOutput('ticks', JSON.stringify(report.ticks));
  runner.setOutput('lines_read', String(report.stats.reduce((n, s) => n + s.linesRead, 0)));
  runner.setOutput('unreadable_lines', String(report.stats.reduce((n, s) => n + s.unreadable, 0)));
  runner.setOutput('state_saved', String(report.stateSaved));
  if (summary) runner.appendSummary(renderEvaluateSummary(report));
  if (failed.length > 0 && failOnDelivery) process.exitCode = EXIT_DELIVERY_FAILED;
}
