import { InvalidArgumentError, Option, type Command } from 'commander';
import { sendEvent, type SendResult } from '../../events/client.js';
import type { ApiAlertsEvent } from '../../events/schema.js';
import { EXIT } from '../../util/errors.js';
import { parseJsonObject } from '../../util/json.js';
import { resolveKey, resolveServerUrl } from '../config-file.js';

const CLI_INTEGRATION = 'apialerts-cli';

export interface DeliveryFlags {
  key?: string;
  serverUrl?: string;
  timeout: number;
  retries: number;
  json?: boolean;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 600) throw new InvalidArgumentError('expected seconds from 0.001 to 600');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new InvalidArgumentError('expected a whole number from 0 to 10');
  return n;
}

/** Flags shared by `send` and `test`: where and how to deliver. */
export function addDeliveryOptions(cmd: Command): Command {
  return cmd
    .option('--key <key>', 'API key (default: $APIALERTS_API_KEY, then the config file)')
    .option('--server-url <url>', 'API base URL (default: $APIALERTS_SERVER_URL, then the config file, then https://api.apialerts.com)')
    .addOption(new Option('--timeout <seconds>', 'seconds to wait for each attempt').argParser(seconds).default(30))
    .addOption(new Option('--retries <n>', 'retries on network errors, timeouts and 5xx').argParser(count).default(2))
    .option('--json', 'print the result as JSON on stdout (errors as {"error"} on stderr)');
}

/** Sends with the CLI's key/server precedence and prints the result the official CLI's way. */
export async function deliver(event: ApiAlertsEvent, flags: DeliveryFlags): Promise<SendResult> {
  const serverUrl = resolveServerUrl(flags.serverUrl);
  const result = await sendEvent(event, {
    apiKey: resolveKey(flags.key),
    integration: CLI_INTEGRATION,
    timeoutMs: Math.round(flags.timeout * 1000),
    retries: flags.retries,
    ...(serverUrl ? { serverUrl } : {}),
  });
  if (flags.json) {
    process.stdout.write(JSON.stringify({ sent: true, ...result }) + '\n');
  } else {
    process.stdout.write(`✓ Alert sent to ${result.workspace ?? '(unknown workspace)'} (${result.channel ?? 'default channel'})\n`);
    for (const w of result.warnings) process.stdout.write(`! Warning: ${w}\n`);
  }
  return result;
}

/** `-d '{"k":"v"}'`: a JSON object or a clear error. */
function parseDataFlag(value: string): Record<string, unknown> {
  return parseJsonObject(value, '--data', { exitCode: EXIT.failure, example: `'{"host":"db1"}'` });
}

interface SendFlags extends DeliveryFlags {
  message: string;
  event?: string;
  title?: string;
  channel?: string;
  tags?: string;
  link?: string;
  data?: string;
}

export function registerSend(program: Command): void {
  const cmd = program
    .command('send')
    .description('Send an event, e.g. backup.sh || apialerts send -m "Backup failed" -c ops -g cron,backup')
    .requiredOption('-m, --message <text>', 'event message (required, at most 500 characters)')
    .option('-e, --event <name>', 'dotted event name, e.g. cron.backup.failed')
    .option('-t, --title <text>', 'short headline')
    .option('-c, --channel <name>', 'channel (default: the workspace default)')
    .option('-g, --tags <list>', 'comma-separated tags, e.g. cron,backup')
    .option('-l, --link <url>', 'link (http://, https://, mailto: or tel:)')
    .option('-d, --data <json>', 'JSON object of extra data');
  addDeliveryOptions(cmd).action(async (flags: SendFlags) => {
    const event: ApiAlertsEvent = { message: flags.message };
    if (flags.event) event.event = flags.event;
    if (flags.title) event.title = flags.title;
    if (flags.channel) event.channel = flags.channel;
    if (flags.tags)
      event.tags = flags.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    if (flags.link) event.link = flags.link;
    if (flags.data) event.data = parseDataFlag(flags.data);
    await deliver(event, flags);
  });
}
