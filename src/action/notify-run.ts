import { ApiAlertsError, sendEvent, eventUrl, DEFAULT_SERVER_URL } from '../events/client.js';
import { defaultLink, readRunContext } from '../events/github.js';
import { prepareEvent, type EventBody } from '../events/limits.js';
import { parseEvent } from '../events/schema.js';
import { EXIT, errorMessage } from '../util/errors.js';
import { NOTIFY_INPUTS, parseBoolean, readInputs, type NotifyConfig, type NotifyOutput } from './notify-inputs.js';
import { Runner } from './runner.js';
import { renderSummary } from './notify-summary.js';

const NOTIFY_INTEGRATION = 'notify-action';

/** Exit codes of the notify action: 0 sent (or not failing the step), 1 not sent, as v2. */
const NOTIFY_EXIT = { ok: EXIT.ok, notSent: EXIT.failure } as const;

/**
 * The notify action: read inputs, send one event, write outputs and a summary; returns the exit
 * code (the entry sets it), as the CLI's main() does. A failed send fails the step unless
 * fail_on_error is false, then it is a warning, so a flaky alerting API never turns a good deploy red.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, runner = new Runner()): Promise<number> {
  // The key is masked before anything else can print.
  runner.setSecret(runner.getInput('api_key') || (env.APIALERTS_API_KEY ?? '').trim());
  runner.setSecret(runner.getInput('github_token'));
  const output = (name: NotifyOutput, value: string): void => runner.setOutput(name, value);

  let failOnError = true;
  let body: EventBody | undefined;
  try {
    failOnError = parseBoolean('fail_on_error', runner.getInput('fail_on_error') || NOTIFY_INPUTS.fail_on_error);
  } catch {
    // Unreadable: keep the safe default; readInputs reports it below.
  }

  try {
    const config = readInputs(runner, env);
    failOnError = config.failOnError;
    if (config.jobLookup) await linkTheJob(runner, config, env);
    const prepared = prepareEvent(parseEvent(config.event));
    body = prepared.body;
    output('link', body.link ?? '');

    if (config.dryRun) {
      await dryRun(runner, config, body, prepared.warnings);
      return NOTIFY_EXIT.ok;
    }
    if (!config.apiKey) {
      throw new ApiAlertsError(
        'no API key: set the api_key input (e.g. ${{ secrets.API_ALERTS_KEY }}) or the APIALERTS_API_KEY environment variable',
      );
    }

    const result = await sendEvent(config.event, {
      apiKey: config.apiKey,
      integration: NOTIFY_INTEGRATION,
      timeoutMs: config.timeoutMs,
      retries: config.retries,
      env,
      ...(config.serverUrl ? { serverUrl: config.serverUrl } : {}),
    });
    runner.info(`Alert sent to ${result.workspace ?? '(unknown workspace)'} (${result.channel ?? body.channel ?? 'default channel'})`);
    for (const w of result.warnings) runner.warning(`API Alerts: ${w}`);
    output('sent', 'true');
    output('http_status', String(result.status));
    output('workspace', result.workspace ?? '');
    output('channel', result.channel ?? '');
    output('uuid', result.uuid ?? '');
    output('warnings', JSON.stringify(result.warnings));
    await runner.appendSummary(renderSummary(body, { kind: 'sent', result }));
    return NOTIFY_EXIT.ok;
  } catch (err) {
    const message = errorMessage(err);
    output('sent', 'false');
    output('http_status', err instanceof ApiAlertsError && err.status !== undefined ? String(err.status) : '');
    output('warnings', '[]');
    await runner.appendSummary(renderSummary(body, { kind: 'failed', error: message }));
    if (!failOnError) {
      runner.warning(`API Alerts: alert not sent (fail_on_error is false, so the step passes): ${message}`);
      return NOTIFY_EXIT.ok;
    }
    runner.error(`API Alerts: ${message}`);
    return NOTIFY_EXIT.notSent;
  }
}

/**
 * A failure without `${{ job.check_run_id }}` (GitHub Enterprise Server): ask the jobs API which job
 * this is, so the link opens its log; when that cannot be told, the run attempt's page it is.
 */
async function linkTheJob(runner: Runner, config: NotifyConfig, env: NodeJS.ProcessEnv): Promise<void> {
  const lookup = config.jobLookup!;
  const { lookUpJobId } = await import('./job-id.js');
  const found = await lookUpJobId(lookup.ctx, lookup.token, env);
  if (!found.id) runner.info(`Linking the run attempt: the job's id could not be looked up (${found.reason ?? 'unknown reason'})`);
  const link = defaultLink(readRunContext(env), config.status, found.id ?? '');
  if (link) config.event.link = link;
}

async function dryRun(runner: Runner, config: NotifyConfig, body: EventBody, warnings: string[]): Promise<void> {
  const url = eventUrl(config.serverUrl || DEFAULT_SERVER_URL);
  runner.info(`Dry run: would POST to ${url.href} (nothing sent):`);
  runner.info(JSON.stringify(body, null, 2));
  for (const w of warnings) runner.warning(`API Alerts: ${w}`);
  runner.setOutput('sent', 'false');
  runner.setOutput('http_status', '');
  runner.setOutput('warnings', JSON.stringify(warnings));
  await runner.appendSummary(renderSummary(body, { kind: 'dry-run' }));
}
