import type { Decision } from './types.js';
import { isoSeconds } from '../model/time.js';
import { sendEvent } from '../events/client.js';
import type { RulesFile } from '../rules/schema.js';
import type { State, WebhookState } from '../state/schema.js';
import { errorMessage } from '../util/errors.js';
import { VERSION } from '../version.js';
import { createMailer, emailContent, type Mailer } from './email.js';
import { runPool } from './pool.js';
import { pushEvent } from './push.js';
import { parseSecrets } from './sign.js';
import type { Deliverer, DeliveryOutcome, DeliveryResult } from './types.js';
import { WEBHOOK_TIMEOUT_MS, deliverWebhook } from './webhook.js';
import { AUTO_DISABLE_AFTER, currentWebhookState, recordDelivery } from './webhook-state.js';
import { urlPasswordForms } from '../util/userinfo.js';

export interface DelivererOptions {
  /** Deliver to loopback/private addresses (also enabled by the rule file's delivery.allow_private_targets). */
  allowPrivateTargets: boolean;
  /** Warnings (unsigned webhook, auto-disabled webhook); never given a secret. */
  log?: (line: string) => void;
  /** Per-attempt deadline; default 10 s, or env APIALERTS_WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Backoff base between attempts; default 1 s, or env APIALERTS_RETRY_BASE_MS. */
  retryBaseMs?: number;
}

const envNumber = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

/**
 * Delivers every fired decision over every channel its rule names, concurrently with a bound
 * (delivery.concurrency). Each rule's webhook deliveries run in tick order in one task, so its
 * failure counter and auto-disable are counted exactly; email and push are independent tasks.
 */
export function createDeliverer(opts: DelivererOptions): Deliverer {
  const log = opts.log ?? (() => {});
  return {
    async deliver(decisions: Decision[], file: RulesFile, state: State, env: NodeJS.ProcessEnv): Promise<DeliveryResult> {
      const allowPrivate = opts.allowPrivateTargets || file.delivery.allow_private_targets;
      const timeoutMs = opts.timeoutMs ?? envNumber(env.APIALERTS_WEBHOOK_TIMEOUT_MS) ?? WEBHOOK_TIMEOUT_MS;
      const retryBaseMs = opts.retryBaseMs ?? envNumber(env.APIALERTS_RETRY_BASE_MS) ?? 1000;
      const webhooks: Record<string, WebhookState> = { ...state.webhooks };
      const tasks: (() => Promise<DeliveryOutcome[]>)[] = [];
      const outcome = (d: Decision, channel: DeliveryOutcome['channel'], rest: Partial<DeliveryOutcome> & Pick<DeliveryOutcome, 'status'>): DeliveryOutcome => ({
        rule_id: d.rule.id,
        rule_name: d.rule.name,
        channel,
        triggered_at: d.triggered_at,
        attempts: 0,
        ...rest,
      });

      // Webhooks: one sequential task per rule.
      const byRule = new Map<string, Decision[]>();
      for (const d of decisions) if (d.rule.channels.includes('webhook') && d.rule.notify_webhook) byRule.set(d.rule.id, [...(byRule.get(d.rule.id) ?? []), d]);
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
        tasks.push(async () => {
          const out: DeliveryOutcome[] = [];
          for (const d of ds) {
            if (!ws.active) {
              out.push(outcome(d, 'webhook', { status: 'skipped', detail: `webhook inactive since ${ws.disabled_at ?? 'an earlier run'} after ${AUTO_DISABLE_AFTER} consecutive failed deliveries; re-enable with "apialerts alerts webhook-enable" or change the URL` }));
              continue;
            }
            if (secretProblem) {
              // A configuration problem, not the receiver's: reported, not counted against the webhook.
              out.push(outcome(d, 'webhook', { status: 'failed', detail: secretProblem }));
              continue;
            }
            const r = await deliverWebhook(d, url, { allowPrivate, timeoutMs, retryBaseMs, secrets, userAgent: `apialerts-evaluate/${VERSION}` });
            // A target our own policy refused says nothing about the receiver: not counted against it.
            if (!r.refused) ws = recordDelivery(ws, r.ok, isoSeconds(Date.now()));
            webhooks[ruleId] = ws;
            if (!ws.active) log(`warning: webhook of "${rule.name}" set inactive after ${AUTO_DISABLE_AFTER} consecutive failed deliveries`);
            out.push(outcome(d, 'webhook', { status: r.ok ? 'delivered' : 'failed', attempts: r.attempts, ...(r.http_status !== undefined ? { http_status: r.http_status } : {}), ...(r.detail ? { detail: r.detail } : {}) }));
          }
          return out;
        });
      }

      // Email: one task per decision, over one pooled SMTP transport created on first use.
      let mailer: Promise<Mailer> | undefined;
      const smtpUrl = env[file.delivery.smtp_url_env];
      for (const d of decisions) {
        if (!d.rule.channels.includes('email') || !d.rule.notify_email) continue;
        tasks.push(async () => {
          if (!smtpUrl) return [outcome(d, 'email', { status: 'failed', detail: `env ${file.delivery.smtp_url_env} (the SMTP URL) is not set` })];
          try {
            mailer ??= createMailer(smtpUrl, file.delivery.email_from, timeoutMs);
            await (await mailer).send(d.rule.notify_email!, emailContent(d, file.project));
            return [outcome(d, 'email', { status: 'delivered', attempts: 1 })];
          } catch (err) {
            return [outcome(d, 'email', { status: 'failed', attempts: 1, detail: redact(errorMessage(err), smtpUrl) })];
          }
        });
      }

      // Push through API Alerts.
      const apiKey = env[file.delivery.apialerts_key_env];
      for (const d of decisions) {
        if (!d.rule.channels.includes('apialerts')) continue;
        tasks.push(async () => {
          if (!apiKey) return [outcome(d, 'apialerts', { status: 'failed', detail: `env ${file.delivery.apialerts_key_env} (the API Alerts key) is not set` })];
          try {
            const r = await sendEvent(pushEvent(d, file.project), { apiKey, integration: 'apialerts-evaluate', env, timeoutMs, ...(env.APIALERTS_SERVER_URL ? { serverUrl: env.APIALERTS_SERVER_URL } : {}) });
            return [outcome(d, 'apialerts', { status: 'delivered', attempts: r.attempts, http_status: r.status })];
          } catch (err) {
            const status = (err as { status?: number }).status;
            return [outcome(d, 'apialerts', { status: 'failed', attempts: 1, ...(status ? { http_status: status } : {}), detail: redact(errorMessage(err), apiKey) })];
          }
        });
      }

      const results = (await runPool(tasks, file.delivery.concurrency)).flat();
      if (mailer) (await mailer.catch(() => undefined))?.close();
      const order = new Map(decisions.map((d, i) => [`${d.rule.id} ${d.triggered_at}`, i]));
      const channelOrder = { webhook: 0, email: 1, apialerts: 2 };
      results.sort((a, b) => order.get(`${a.rule_id} ${a.triggered_at}`)! - order.get(`${b.rule_id} ${b.triggered_at}`)! || channelOrder[a.channel] - channelOrder[b.channel]);
      return { outcomes: results, state: { ...state, webhooks } };
    },
  };
}

/** Belt and braces: a secret-bearing value never reaches an outcome, whatever a library put in its message. */
function redact(message: string, secret: string): string {
  let out = secret ? message.split(secret).join('(redacted)') : message;
  for (const p of urlPasswordForms(secret)) out = out.split(p).join('(redacted)');
  return out;
}

