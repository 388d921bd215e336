import type { Command } from 'commander';
import { EXIT, UserError } from '../../util/errors.js';
import { common, edits, withSecretFile, newSecret, printSecret, secretEnvName, type CommonFlags } from './alerts-shared.js';

/** `alerts rotate-secret`: a new webhook secret, printed once; the file changes only to name its env var. */
export function registerAlertsRotateSecret(alerts: Command): void {
  withSecretFile(common(alerts.command('rotate-secret <rule>').description('Generate a new webhook secret (printed once)'))).action(
    async (key: string, flags: CommonFlags & { secretFile?: string }) => {
      const { openRulesDocument, editRulesFile, findRule, rulesOf, updateRule } = await edits();
      const d = await openRulesDocument(flags.rules);
      const rule = rulesOf(d).rules[findRule(d, key)]!;
      if (!rule.notify_webhook) throw new UserError(`rule "${rule.name}" has no webhook to sign`, { exitCode: EXIT.badInput });
      const envName = rule.notify_webhook_secret_env ?? secretEnvName(rule.name);
      if (!rule.notify_webhook_secret_env)
        await editRulesFile(flags.rules, (e) => updateRule(e, findRule(e, rule.id), { notify_webhook_secret_env: envName }));
      printSecret(flags, rule, envName, newSecret(), true);
    },
  );
}
