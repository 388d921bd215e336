import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import {
  addFieldOptions,
  withSecretFile,
  common,
  edits,
  fieldsFrom,
  newSecret,
  printSecret,
  secretEnvName,
  type CommonFlags,
  type FieldFlags,
} from './alerts-shared.js';
import { starterFor } from './alerts-init.js';
import { addLanguageOptions, languageFieldsFrom, type RuleLanguageFlags } from './alerts-fields.js';

/** `alerts add`: a new rule (a UUID, and a webhook secret printed once); creates the file when missing. */
export function registerAlertsAdd(alerts: Command): void {
  addLanguageOptions(
    addFieldOptions(
      withSecretFile(
        common(
          alerts.command('add').description('Add a rule (assigns a UUID; generates the webhook secret; creates the file when missing)'),
        ),
      ),
      true,
    ),
    false,
  )
    .option('--disabled', 'add it disabled')
    .action(async (flags: CommonFlags & FieldFlags & RuleLanguageFlags & { disabled?: boolean }) => {
      const { editRulesFile, addRule } = await edits();
      const fields = { ...fieldsFrom(flags), ...languageFieldsFrom(flags, { update: false }) };
      const rule: Record<string, unknown> = { id: randomUUID(), ...fields, ...(flags.disabled ? { enabled: false } : {}) };
      const signed = typeof rule.notify_webhook === 'string';
      if (signed && !rule.notify_webhook_secret_env) rule.notify_webhook_secret_env = secretEnvName(String(rule.name));
      const { created } = await editRulesFile(flags.rules, (d) => addRule(d, rule), { starter: () => starterFor(flags.rules) });
      if (created) process.stderr.write(`created ${flags.rules} (a starter file: check its sources)\n`);
      if (signed) printSecret(flags, rule as { id: string; name: string }, String(rule.notify_webhook_secret_env), newSecret(), false);
      else
        process.stdout.write(
          flags.json
            ? JSON.stringify({ id: rule.id, name: rule.name }) + '\n'
            : `added "${String(rule.name)}" (${String(rule.id)}) to ${flags.rules}\n`,
        );
    });
}
