import type { Command } from 'commander';
import { common, edits, type CommonFlags } from './alerts-shared.js';

/** `alerts enable` and `alerts disable`: the rule stays in the file either way. */
export function registerAlertsEnable(alerts: Command): void {
  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    common(alerts.command(`${name} <rule>`).description(`${enabled ? 'Enable' : 'Disable'} a rule (kept in the file)`)).action(
      async (key: string, flags: CommonFlags) => {
        const { editRulesFile, findRule, updateRule } = await edits();
        const { result: index, file } = await editRulesFile(flags.rules, (d) => {
          const i = findRule(d, key);
          // `enabled: true` is the default: enabling removes the line rather than adding noise.
          updateRule(d, i, { enabled: enabled ? undefined : false });
          return i;
        });
        const rule = file.rules[index]!;
        process.stdout.write(
          flags.json
            ? JSON.stringify({ id: rule.id, enabled }) + '\n'
            : `${enabled ? 'enabled' : 'disabled'} "${rule.name}" (${rule.id})\n`,
        );
      },
    );
}
