import type { Command } from 'commander';
import { common, edits, type CommonFlags } from './alerts-shared.js';

/** `alerts rm`: removes a rule with the comments above it that belong to it. */
export function registerAlertsRm(alerts: Command): void {
  common(alerts.command('rm <rule>').description('Remove a rule').option('--state <file>', 'also drop its state now')).action(
    async (key: string, flags: CommonFlags) => {
      const { editRulesFile, findRule, rulesOf, removeRule } = await edits();
      const { result: rule, file: remaining } = await editRulesFile(flags.rules, (d) => {
        const index = findRule(d, key);
        const r = rulesOf(d).rules[index]!;
        removeRule(d, index);
        return r;
      });
      if (flags.state) {
        const { loadState, saveState, pruneState } = await import('../../state/store.js');
        await saveState(
          flags.state,
          pruneState(
            await loadState(flags.state),
            remaining.rules.map((r) => r.id),
          ),
        );
      }
      process.stdout.write(flags.json ? JSON.stringify({ id: rule.id, removed: true }) + '\n' : `removed "${rule.name}" (${rule.id})\n`);
    },
  );
}
