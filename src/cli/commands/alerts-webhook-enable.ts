import type { Command } from 'commander';
import { isoSeconds } from '../../model/time.js';
import { EXIT, UserError } from '../../util/errors.js';
import { common, edits, resetWebhookState, type CommonFlags } from './alerts-shared.js';

/** `alerts webhook-enable`: re-activates an auto-disabled webhook through the rule file (webhook_reenabled_at). */
export function registerAlertsWebhookEnable(alerts: Command): void {
  common(
    alerts
      .command('webhook-enable <rule>')
      .description('Re-activate a webhook disabled after repeated failures: sets webhook_reenabled_at in the rule file (commit it)'),
  )
    .option('--state <file>', 'also reset the webhook state in this state file now')
    .action(async (key: string, flags: CommonFlags & { state?: string }) => {
      const { editRulesFile, findRule, rulesOf, updateRule } = await edits();
      // The marker, not the state file, is what the scheduled workflow sees: its state is in the cache.
      const at = isoSeconds(Date.now());
      const { result: rule } = await editRulesFile(flags.rules, (d) => {
        const index = findRule(d, key);
        const r = rulesOf(d).rules[index]!;
        if (!r.notify_webhook) throw new UserError(`rule "${r.name}" has no webhook`, { exitCode: EXIT.badInput });
        updateRule(d, index, { webhook_reenabled_at: at });
        return r;
      });
      if (flags.state) await resetWebhookState(flags.state, rule.id);
      process.stdout.write(
        flags.json
          ? JSON.stringify({ id: rule.id, webhook_active: true, webhook_reenabled_at: at }) + '\n'
          : `webhook of "${rule.name}" re-enabled: webhook_reenabled_at: ${at} in ${flags.rules}; commit it, and the next run delivers to it again\n`,
      );
    });
}
