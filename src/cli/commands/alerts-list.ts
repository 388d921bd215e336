import type { Command } from 'commander';
import { currentWebhookState } from '../../deliver/webhook-state.js';
import { common, edits, type CommonFlags } from './alerts-shared.js';

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
        `${r.id}  ${r.enabled ? 'on ' : 'off'}  ${r.name}: ${r.level} >= ${r.threshold} in ${r.window_minutes} min → ${r.channels.join(', ')}${extra}\n`,
      );
    }
  });
}
