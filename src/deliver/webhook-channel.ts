import type { Decision } from './types.js';
import { errorMessage } from '../util/errors.js';
import { VERSION } from '../version.js';
import { hostKey, outcome, type ChannelRun, type ChannelTasks } from './channel.js';
import { parseSecrets } from './sign.js';
import type { DeliveryOutcome } from './types.js';
import { deliverWebhook } from './webhook.js';
import { AUTO_DISABLE_AFTER, currentWebhookState, recordDelivery } from './webhook-state.js';

/**
 * Webhooks: one task per rule, delivering that rule's decisions in tick order, so its failure counter
 * and auto-disable are counted exactly. Keyed by the receiver's host for the per-host bound.
 */
export function webhookChannel(run: ChannelRun): ChannelTasks {
  const { env, log, webhooks } = run;
  const byRule = new Map<string, Decision[]>();
  for (const d of run.decisions)
    if (d.rule.channels.includes('webhook') && d.rule.notify_webhook) byRule.set(d.rule.id, [...(byRule.get(d.rule.id) ?? []), d]);
  const tasks: ChannelTasks['tasks'] = [];
  for (const [ruleId, ds] of byRule) {
    const rule = ds[0]!.rule;
    const url = rule.notify_webhook!;
    let ws = currentWebhookState(webhooks[ruleId], url, rule.webhook_reenabled_at);
    webhooks[ruleId] = ws;
    let secrets: string[] = [];
    let secretProblem: string | undefined;
    if (rule.notify_webhook_secret_env) {
      const value = env[rule.notify_webhook_secret_env];
      if (!value) secretProblem = `env ${rule.notify_webhook_secret_env} (the webhook secret) is not set`;
      else {
        try {
          secrets = parseSecrets(value, rule.notify_webhook_secret_env);
        } catch (err) {
          secretProblem = errorMessage(err);
        }
      }
    } else log(`warning: webhook of "${rule.name}" is unsigned: the rule has no notify_webhook_secret_env`);
    tasks.push({
      key: `webhook ${hostKey(url)}`,
      run: async () => {
        const out: DeliveryOutcome[] = [];
        for (const d of ds) {
          if (!ws.active) {
            out.push(
              outcome(d, 'webhook', {
                status: 'skipped',
                detail: `webhook inactive since ${ws.disabled_at ?? 'an earlier run'} after ${AUTO_DISABLE_AFTER} consecutive failed deliveries; re-enable with "apialerts alerts webhook-enable" or change the URL`,
              }),
            );
            continue;
          }
          if (secretProblem) {
            // A configuration problem, not the receiver's: reported, not counted against the webhook.
            out.push(outcome(d, 'webhook', { status: 'failed', detail: secretProblem }));
            continue;
          }
          const r = await deliverWebhook(d, url, {
            allowPrivate: run.allowPrivate,
            timeoutMs: run.timeoutMs,
            retryBaseMs: run.retryBaseMs,
            secrets,
            userAgent: `apialerts-evaluate/${VERSION}`,
            env,
          });
          // A target our own policy refused says nothing about the receiver: not counted against it.
          if (!r.refused) ws = recordDelivery(ws, r.ok, d.triggered_at); // the evaluation time, not the wall clock
          webhooks[ruleId] = ws;
          if (!ws.active) log(`warning: webhook of "${rule.name}" set inactive after ${AUTO_DISABLE_AFTER} consecutive failed deliveries`);
          out.push(
            outcome(d, 'webhook', {
              status: r.ok ? 'delivered' : 'failed',
              attempts: r.attempts,
              ...(r.http_status !== undefined ? { http_status: r.http_status } : {}),
              ...(r.detail ? { detail: r.detail } : {}),
            }),
          );
        }
        return out;
      },
    });
  }
  return { tasks };
}
