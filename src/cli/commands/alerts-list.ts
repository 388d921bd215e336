import type { Command } from 'commander';
import { currentWebhookState } from '../../deliver/webhook-state.js';
import type { Rule } from '../../rules/schema.js';
import { levelLabel } from '../../rules/selection.js';
import { common, edits, type CommonFlags } from './alerts-shared.js';

/** `error >= 10`, `error where event equals payment_failed per user >= 2`: the rule's condition on one line. */
function conditionText(r: Rule): string {
  const what = r.value ? `${r.value.aggregate}(${r.value.field})` : r.denominator ? `ratio of ${levelLabel(r)}` : levelLabel(r);
  const value = (v: unknown) => (v === undefined ? '' : ` ${Array.isArray(v) ? v.join(',') : JSON.stringify(v)}`);
  const filters = r.where ? ` where ${r.where.map((w) => `${w.field} ${w.op}${value(w.value)}`).join(' and ')}` : '';
  const group = r.group_by ? ` per ${r.group_by.join(', ')}` : '';
  return `${what}${filters}${group} ${r.comparison === 'fewer_than' ? '<' : '>='} ${r.threshold}`;
}

/** `alerts list`: the rules, and with --state their last fire and webhook state. */
export function registerAlertsList(alerts: Command): void {
  common(
    alerts.command('list').description('List the rules').option('--state <file>', 'also show webhook state from this state file'),
  ).action(async (flags: CommonFlags) => {
    const { openRulesDocument, rulesOf } = await edits();
    const file = rulesOf(await openRulesDocument(flags.rules));
    const state = flags.state ? await (await import('../../state/store.js')).loadState(flags.state) : undefined;
    const rows = file.rules.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level,
      threshold: r.threshold,
      window_minutes: r.window_minutes,
      condition: conditionText(r),
      channels: r.channels,
      enabled: r.enabled,
      ...(state
        ? {
            last_triggered_at: state.rules[r.id]?.last_triggered_at ?? null,
            webhook_active: r.notify_webhook
              ? currentWebhookState(state.webhooks[r.id], r.notify_webhook, r.webhook_reenabled_at).active
              : null,
          }
        : {}),
    }));
    if (flags.json) return void process.stdout.write(JSON.stringify(rows) + '\n');
    for (const r of rows) {
      const extra =
        'webhook_active' in r
          ? ` · last fired ${r.last_triggered_at ?? 'never'}${r.webhook_active === false ? ' · WEBHOOK INACTIVE' : ''}`
          : '';
      process.stdout.write(
        `${r.id}  ${r.enabled ? 'on ' : 'off'}  ${r.name}: ${r.condition} in ${r.window_minutes} min → ${r.channels.join(', ')}${extra}\n`,
      );
    }
  });
}
