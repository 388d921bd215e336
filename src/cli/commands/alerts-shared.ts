import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { LEVELS } from '../../model/levels.js';
import { CHANNELS } from '../../rules/schema.js';
import { EXIT, UserError, errorMessage } from '../../util/errors.js';
import { finiteNumber, levelValue } from './alerts-fields.js';

/** What the `alerts` subcommands share: the field flags, the common flags, the secret printout. */
export interface FieldFlags {
  name?: string;
  level?: string;
  threshold?: string;
  window?: string;
  channels?: string;
  email?: string;
  webhook?: string;
  secretEnv?: string;
  scheme?: string;
  allowHttp?: boolean;
  sources?: string;
  apialertsChannel?: string;
  tags?: string;
  link?: string;
}

export interface CommonFlags {
  rules: string;
  state?: string;
  json?: boolean;
}

const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new UserError(`${flag} must be a whole number ≥ 1 (got "${v}")`, { exitCode: EXIT.badInput });
  return Number(v);
}

/** Flags → rule fields; only the flags given (undefined = leave as is). */
export function fieldsFrom(f: FieldFlags): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: f.name,
    level: levelValue(f.level),
    threshold: finiteNumber(f.threshold, '--threshold'),
    window_minutes: positiveInt(f.window, '--window'),
    channels: list(f.channels),
    notify_email: f.email,
    notify_webhook: f.webhook,
    notify_webhook_secret_env: f.secretEnv,
    webhook_scheme: f.scheme,
    allow_http: f.allowHttp,
    sources: list(f.sources),
    apialerts_channel: f.apialertsChannel,
    apialerts_tags: list(f.tags),
    apialerts_link: f.link,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** `High Error Rate` → `ALERT_HIGH_ERROR_RATE_SECRET`. */
export function secretEnvName(ruleName: string): string {
  const stem =
    ruleName
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 48) || 'WEBHOOK';
  return `ALERT_${stem}_SECRET`;
}

export const newSecret = () => randomBytes(32).toString('hex');

export function addFieldOptions(cmd: Command, required: boolean): Command {
  const req = (o: Option) => (required ? o.makeOptionMandatory() : o);
  return cmd
    .addOption(req(new Option('--name <name>', 'rule name')))
    .option('--level <levels>', `log level, or a comma-separated list: ${LEVELS.join(', ')} (aliases such as ERROR, warning, critical too)`)
    .addOption(req(new Option('--threshold <n>', 'fire when count >= n (a ratio or value rule: any number)')))
    .addOption(req(new Option('--window <minutes>', 'window_minutes')))
    .addOption(req(new Option('--channels <list>', `comma-separated: ${CHANNELS.join(', ')}`)))
    .option('--email <address>', 'notify_email')
    .option('--webhook <url>', 'notify_webhook (https://)')
    .option('--secret-env <NAME>', 'env var that will hold the webhook secret (default ALERT_<NAME>_SECRET)')
    .addOption(new Option('--scheme <scheme>', 'webhook signature scheme').choices(['krafter', 'standard', 'both']))
    .option('--allow-http', 'allow a plain-http webhook (local receivers)')
    .option('--sources <list>', 'comma-separated source names this rule counts')
    .option('--apialerts-channel <channel>', 'push: API Alerts channel')
    .option('--tags <list>', 'push: comma-separated tags')
    .option('--link <url>', 'push: link');
}

export function common(cmd: Command): Command {
  return cmd.option('--rules <file>', 'rule file', 'alerts.yml').option('--json', 'print JSON');
}

/** `--secret-file`: where a new webhook secret is written (mode 0600) instead of being printed. */
export const withSecretFile = (cmd: Command): Command =>
  cmd.option('--secret-file <file>', 'write the new webhook secret to this file (mode 0600) instead of printing it');

export function printSecret(
  flags: CommonFlags & { secretFile?: string },
  rule: { id: string; name: string },
  envName: string,
  secret: string,
  rotated: boolean,
): void {
  if (flags.secretFile) {
    try {
      writeFileSync(flags.secretFile, secret + '\n', { mode: 0o600 });
      chmodSync(flags.secretFile, 0o600); // an existing file keeps its mode on write
    } catch (err) {
      throw new UserError(
        `cannot write the secret to ${flags.secretFile}: ${errorMessage(err)} (the rule was saved: run "apialerts alerts rotate-secret" for a new secret)`,
        { exitCode: EXIT.badInput },
      );
    }
  }
  if (flags.json) {
    const shown = flags.secretFile ? { secret_file: flags.secretFile } : { secret };
    process.stdout.write(JSON.stringify({ id: rule.id, name: rule.name, secret_env: envName, ...shown }) + '\n');
    return;
  }
  if (flags.secretFile) {
    process.stdout.write(
      `${rotated ? 'New webhook' : 'Webhook'} secret for "${rule.name}" written to ${flags.secretFile} (mode 0600).\n` +
        `Store it as a repository secret named ${envName} and give your receiver the same value; the rule file only holds the name.\n`,
    );
    return;
  }
  process.stdout.write(
    `${rotated ? 'New webhook' : 'Webhook'} secret for "${rule.name}" — shown this once, stored nowhere:\n\n  ${secret}\n\n` +
      `Store it as a repository secret named ${envName} (e.g. gh secret set ${envName}) and give your receiver the same value;\n` +
      `the rule file only holds the name ${envName}.\n`,
  );
  if (rotated)
    process.stdout.write(
      `To rotate without dropping deliveries: make your receiver accept both the old and the new secret\n` +
        `(verifySignature takes several), then set ${envName} to the new one, then remove the old one from the receiver.\n` +
        `With webhook_scheme standard or both, ${envName}="<new> <old>" signs with both during the switch.\n`,
    );
}

export async function resetWebhookState(statePath: string, ruleId: string): Promise<void> {
  const { loadState, saveState } = await import('../../state/store.js');
  const state = await loadState(statePath);
  const { [ruleId]: _dropped, ...webhooks } = state.webhooks;
  await saveState(statePath, { ...state, webhooks });
}

export const edits = () => import('../../rules/edit.js');
