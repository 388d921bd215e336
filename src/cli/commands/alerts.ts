import { randomBytes, randomUUID } from 'node:crypto';
import { Option, type Command } from 'commander';
import { LEVELS } from '../../model/levels.js';
import { currentWebhookState } from '../../deliver/webhook-state.js';
import { CHANNELS } from '../../rules/schema.js';
import { UserError } from '../../util/errors.js';

/**
 * `apialerts alerts …`: the seed's Alerts API as edits of the rule file in Git. Secrets are generated
 * here and printed once; the file only ever holds the name of the env var that will carry them.
 */
interface FieldFlags {
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

interface CommonFlags {
  rules: string;
  state?: string;
  json?: boolean;
}

const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()).filter(Boolean);

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserError(`${flag} must be a whole number ≥ 1 (got "${v}")`, { exitCode: 2 });
  return Number(v);
}

/** Flags → rule fields; only the flags given (undefined = leave as is). */
function fieldsFrom(f: FieldFlags): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: f.name,
    level: f.level,
    threshold: positiveInt(f.threshold, '--threshold'),
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
  const stem = ruleName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 48) || 'WEBHOOK';
  return `ALERT_${stem}_SECRET`;
}

const newSecret = () => randomBytes(32).toString('hex');

function addFieldOptions(cmd: Command, required: boolean): Command {
  const req = (o: Option) => (required ? o.makeOptionMandatory() : o);
  return cmd
    .addOption(req(new Option('--name <name>', 'rule name')))
    .addOption(req(new Option('--level <level>', 'log level').choices([...LEVELS])))
    .addOption(req(new Option('--threshold <n>', 'fire when count >= n')))
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

function common(cmd: Command): Command {
  return cmd.option('--rules <file>', 'rule file', 'alerts.yml').option('--json', 'print JSON');
}

function printSecret(flags: CommonFlags, rule: { id: string; name: string }, envName: string, secret: string, rotated: boolean): void {
  if (flags.json) {
    process.stdout.write(JSON.stringify({ id: rule.id, name: rule.name, secret_env: envName, secret }) + '\n');
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

async function resetWebhookState(statePath: string, ruleId: string): Promise<void> {
  const { loadState, saveState } = await import('../../state/store.js');
  const state = await loadState(statePath);
  const { [ruleId]: _dropped, ...webhooks } = state.webhooks;
  await saveState(statePath, { ...state, webhooks });
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('Manage threshold rules in the rule file (edits in place, keeps comments)');
  const edit = () => import('../../rules/edit.js');

  common(alerts.command('list').description('List the rules').option('--state <file>', 'also show webhook state from this state file')).action(
    async (flags: CommonFlags) => {
      const { openRulesDocument, rulesOf } = await edit();
      const file = rulesOf(await openRulesDocument(flags.rules));
      const state = flags.state ? await (await import('../../state/store.js')).loadState(flags.state) : undefined;
      const rows = file.rules.map((r) => ({
        id: r.id,
        name: r.name,
        level: r.level,
        threshold: r.threshold,
        window_minutes: r.window_minutes,
        channels: r.channels,
        enabled: r.enabled,
        ...(state
          ? { last_triggered_at: state.rules[r.id]?.last_triggered_at ?? null, webhook_active: r.notify_webhook ? currentWebhookState(state.webhooks[r.id], r.notify_webhook, r.webhook_reenabled_at).active : null }
          : {}),
      }));
      if (flags.json) return void process.stdout.write(JSON.stringify(rows) + '\n');
      for (const r of rows) {
        const extra = 'webhook_active' in r ? ` · last fired ${r.last_triggered_at ?? 'never'}${r.webhook_active === false ? ' · WEBHOOK INACTIVE' : ''}` : '';
        process.stdout.write(`${r.id}  ${r.enabled ? 'on ' : 'off'}  ${r.name}: ${r.level} >= ${r.threshold} in ${r.window_minutes} min → ${r.channels.join(', ')}${extra}\n`);
      }
    },
  );

  addFieldOptions(common(alerts.command('add').description('Add a rule (assigns a UUID; generates the webhook secret)')), true)
    .option('--disabled', 'add it disabled')
    .action(async (flags: CommonFlags & FieldFlags & { disabled?: boolean }) => {
      const { openRulesDocument, addRule, saveRulesDocument } = await edit();
      const d = await openRulesDocument(flags.rules);
      const fields = fieldsFrom(flags);
      const rule: Record<string, unknown> = { id: randomUUID(), ...fields, ...(flags.disabled ? { enabled: false } : {}) };
      const signed = typeof rule.notify_webhook === 'string';
      if (signed && !rule.notify_webhook_secret_env) rule.notify_webhook_secret_env = secretEnvName(String(rule.name));
      addRule(d, rule);
      await saveRulesDocument(d);
      if (signed) printSecret(flags, rule as { id: string; name: string }, String(rule.notify_webhook_secret_env), newSecret(), false);
      else process.stdout.write(flags.json ? JSON.stringify({ id: rule.id, name: rule.name }) + '\n' : `added "${String(rule.name)}" (${String(rule.id)}) to ${flags.rules}\n`);
    });

  addFieldOptions(common(alerts.command('update <rule>').description('Change fields of a rule (by id or name)')), false)
    .option('--state <file>', 'reset the webhook state here when the webhook URL changes')
    .action(async (key: string, flags: CommonFlags & FieldFlags) => {
      const { openRulesDocument, findRule, rulesOf, updateRule, saveRulesDocument } = await edit();
      const d = await openRulesDocument(flags.rules);
      const index = findRule(d, key);
      const before = rulesOf(d).rules[index]!;
      const fields = fieldsFrom(flags);
      if (Object.keys(fields).length === 0) throw new UserError('nothing to update: give at least one field flag (see --help)', { exitCode: 2 });
      const addsWebhook = typeof fields.notify_webhook === 'string' && !before.notify_webhook_secret_env && !fields.notify_webhook_secret_env;
      if (addsWebhook) fields.notify_webhook_secret_env = secretEnvName(String(fields.name ?? before.name));
      updateRule(d, index, fields);
      const after = (await saveRulesDocument(d)).rules[index]!;
      if (flags.state && before.notify_webhook !== after.notify_webhook) await resetWebhookState(flags.state, after.id);
      if (addsWebhook) printSecret(flags, after, after.notify_webhook_secret_env!, newSecret(), false);
      else process.stdout.write(flags.json ? JSON.stringify(after) + '\n' : `updated "${after.name}" (${after.id})\n`);
    });

  for (const [name, enabled] of [['enable', true], ['disable', false]] as const)
    common(alerts.command(`${name} <rule>`).description(`${enabled ? 'Enable' : 'Disable'} a rule (kept in the file)`)).action(async (key: string, flags: CommonFlags) => {
      const { openRulesDocument, findRule, updateRule, saveRulesDocument } = await edit();
      const d = await openRulesDocument(flags.rules);
      const index = findRule(d, key);
      // `enabled: true` is the default: enabling removes the line rather than adding noise.
      updateRule(d, index, { enabled: enabled ? undefined : false });
      const rule = (await saveRulesDocument(d)).rules[index]!;
      process.stdout.write(flags.json ? JSON.stringify({ id: rule.id, enabled }) + '\n' : `${enabled ? 'enabled' : 'disabled'} "${rule.name}" (${rule.id})\n`);
    });

  common(alerts.command('rm <rule>').description('Remove a rule').option('--state <file>', 'also drop its state now')).action(async (key: string, flags: CommonFlags) => {
    const { openRulesDocument, findRule, rulesOf, removeRule, saveRulesDocument } = await edit();
    const d = await openRulesDocument(flags.rules);
    const index = findRule(d, key);
    const rule = rulesOf(d).rules[index]!;
    removeRule(d, index);
    const remaining = await saveRulesDocument(d);
    if (flags.state) {
      const { loadState, saveState, pruneState } = await import('../../state/store.js');
      await saveState(flags.state, pruneState(await loadState(flags.state), remaining.rules.map((r) => r.id)));
    }
    process.stdout.write(flags.json ? JSON.stringify({ id: rule.id, removed: true }) + '\n' : `removed "${rule.name}" (${rule.id})\n`);
  });

  common(alerts.command('rotate-secret <rule>').description('Generate a new webhook secret (printed once)')).action(async (key: string, flags: CommonFlags) => {
    const { openRulesDocument, findRule, rulesOf, updateRule, saveRulesDocument } = await edit();
    const d = await openRulesDocument(flags.rules);
    const index = findRule(d, key);
    const rule = rulesOf(d).rules[index]!;
    if (!rule.notify_webhook) throw new UserError(`rule "${rule.name}" has no webhook to sign`, { exitCode: 2 });
    const envName = rule.notify_webhook_secret_env ?? secretEnvName(rule.name);
    if (!rule.notify_webhook_secret_env) {
      updateRule(d, index, { notify_webhook_secret_env: envName });
      await saveRulesDocument(d);
    }
    printSecret(flags, rule, envName, newSecret(), true);
  });

  common(alerts.command('webhook-enable <rule>').description('Re-activate a webhook disabled after repeated failures: sets webhook_reenabled_at in the rule file (commit it)'))
    .option('--state <file>', 'also reset the webhook state in this state file now')
    .action(async (key: string, flags: CommonFlags & { state?: string }) => {
      const { openRulesDocument, findRule, rulesOf, updateRule, saveRulesDocument } = await edit();
      const d = await openRulesDocument(flags.rules);
      const index = findRule(d, key);
      const rule = rulesOf(d).rules[index]!;
      if (!rule.notify_webhook) throw new UserError(`rule "${rule.name}" has no webhook`, { exitCode: 2 });
      // The marker, not the state file, is what the scheduled workflow sees: its state is in the cache.
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      updateRule(d, index, { webhook_reenabled_at: at });
      await saveRulesDocument(d);
      if (flags.state) await resetWebhookState(flags.state, rule.id);
      process.stdout.write(
        flags.json
          ? JSON.stringify({ id: rule.id, webhook_active: true, webhook_reenabled_at: at }) + '\n'
          : `webhook of "${rule.name}" re-enabled: webhook_reenabled_at: ${at} in ${flags.rules}; commit it, and the next run delivers to it again\n`,
      );
    });
}
