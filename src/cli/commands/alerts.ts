import type { Command } from 'commander';
import { registerAlertsAdd } from './alerts-add.js';
import { registerAlertsEnable } from './alerts-enable.js';
import { registerAlertsInit } from './alerts-init.js';
import { registerAlertsList } from './alerts-list.js';
import { registerAlertsRm } from './alerts-rm.js';
import { registerAlertsRotateSecret } from './alerts-rotate-secret.js';
import { registerAlertsUpdate } from './alerts-update.js';
import { registerAlertsWebhookEnable } from './alerts-webhook-enable.js';

/**
 * `apialerts alerts …`: the seed's Alerts API as edits of the rule file in Git, one module per
 * subcommand. Secrets are generated here and printed once; the file only ever holds the name of the
 * env var that will carry them. Edits keep every other line (docs/rule-edits.md).
 */
export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('Manage threshold rules in the rule file (edits in place, keeps comments)');
  registerAlertsInit(alerts);
  registerAlertsList(alerts);
  registerAlertsAdd(alerts);
  registerAlertsUpdate(alerts);
  registerAlertsEnable(alerts);
  registerAlertsRm(alerts);
  registerAlertsRotateSecret(alerts);
  registerAlertsWebhookEnable(alerts);
}
