import { ApiAlertsError, sendEvent, eventUrl, DEFAULT_SERVER_URL } from '../events/client.js';
import { prepareEvent, type EventBody } from '../events/limits.js';
import { parseEvent } from '../events/schema.js';
import { errorMessage } from '../util/errors.js';
import { NOTIFY_INPUTS, parseBoolean, readInputs, type NotifyConfig, type NotifyOutput } from './notify-inputs.js';
import { Runner } from './notify-runner.js';
import { renderSummary } from './notify-summary.js';

export const NOTIFY_INTEGRATION = 'notify-action';

/**
 * The notify action: read inputs, send one event, write outputs and a summary.
 * A failed send fails the step unless fail_on_error is false, then it is a warning,
 * so a flaky alerting API never turns a good deploy red.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, runner = new Runner(env)): Promise<void> {
  // The key is masked before anything else can print.
  runner.setSecret(runner.getInput('api_key') || (env.APIALERTS_API_KEY ?? '').trim());
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
    const prepared = prepareEvent(parseEvent(config.event));
    body = prepared.body;
    output('link', body.link ?? '');

    if (config.dryRun) {
      dryRun(runner, config, body, prepared.warnings);
      return;
    }
    if (!config.apiKey) {
      throw new ApiAlertsError('no API key: set the api_key input (e.g. ${{ secrets.API_ALERTS_KEY }}) or the APIALERTS_API_KEY environment variable');
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
    runner.appendSummary(renderSummary(body, { kind: 'sent', result }));
  } catch (err) {
    const message = errorMessage(err);
    output('sent', 'false');
    output('http_status', err instanceof ApiAlertsError && err.status !== undefined ? String(err.status) : '');
    output('warnings', '[]');
    runner.appendSummary(renderSummary(body, { kind: 'failed', error: message }));
    if (failOnError) {
      runner.error(`API Alerts: ${message}`);
      process.exitCode = 1;
    } else {
      runner.warning(`API Alerts: alert not sent (fail_on_error is false, so the step passes): ${message}`);
    }
  }
}

function dryRun(runner: Runner, config: NotifyConfig, body: EventBody, warnings: string[]): void {
  const url = eventUrl(config.serverUrl || DEFAULT_SERVER_URL);
  runner.info(`Dry run: would POST to ${url.href} (nothing sent):`);
  runner.info(JSON.stringify(body, null, 2));
  for (const w of warnings) runner.warning(`API Alerts: ${w}`);
  runner.setOutput('sent', 'false');
  runner.setOutput('http_status', '');
  runner.setOutput('warnings', JSON.stringify(warnings));
  runner.appendSummary(renderSummary(body, { kind: 'dry-run' }));
}
