import type { Command } from 'commander';
import type { Rule } from '../../rules/schema.js';
import { EXIT, UserError } from '../../util/errors.js';
import { addLanguageOptions, languageFieldsFrom, type RuleLanguageFlags } from './alerts-fields.js';
import {
  addFieldOptions,
  common,
  withSecretFile,
  edits,
  fieldsFrom,
  newSecret,
  printSecret,
  resetWebhookState,
  secretEnvName,
  type CommonFlags,
  type FieldFlags,
} from './alerts-shared.js';

/** `alerts update`: change fields of a rule; a new webhook gets a secret env name and a secret. */
export function registerAlertsUpdate(alerts: Command): void {
  addLanguageOptions(
    addFieldOptions(withSecretFile(common(alerts.command('update <rule>').description('Change fields of a rule (by id or name)'))), false),
    true,
  )
    .option('--state <file>', 'reset the webhook state here when the webhook URL changes')
    .action(async (key: string, flags: CommonFlags & FieldFlags & RuleLanguageFlags & { secretFile?: string }) => {
      const fields = { ...fieldsFrom(flags), ...languageFieldsFrom(flags, { update: true }) };
      if (Object.keys(fields).length === 0)
        throw new UserError('nothing to update: give at least one field flag (see --help)', { exitCode: EXIT.badInput });
      const { editRulesFile, findRule, rulesOf, updateRule } = await edits();
      const { result, file } = await editRulesFile(flags.rules, (d) => {
        const index = findRule(d, key);
        const before: Rule = rulesOf(d).rules[index]!;
        const changes = { ...fields };
        const addsWebhook =
          typeof changes.notify_webhook === 'string' && !before.notify_webhook_secret_env && !changes.notify_webhook_secret_env;
        if (addsWebhook) changes.notify_webhook_secret_env = secretEnvName(flags.name ?? before.name);
        updateRule(d, index, changes);
        return { index, before, addsWebhook };
      });
      const after = file.rules[result.index]!;
      if (flags.state && result.before.notify_webhook !== after.notify_webhook) await resetWebhookState(flags.state, after.id);
      if (result.addsWebhook) printSecret(flags, after, after.notify_webhook_secret_env!, newSecret(), false);
      else process.stdout.write(flags.json ? JSON.stringify(after) + '\n' : `updated "${after.name}" (${after.id})\n`);
    });
}
