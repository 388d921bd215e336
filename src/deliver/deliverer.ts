import type { Decision } from './types.js';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST_CONCURRENCY, type RulesFile } from '../rules/schema.js';
import type { State, WebhookState } from '../state/schema.js';
import type { ChannelBuilder, ChannelRun } from './channel.js';
import { emailChannel } from './email-channel.js';
import { runKeyedPool } from './pool.js';
import { pushChannel } from './push-channel.js';
import type { Deliverer, DeliveryResult } from './types.js';
import { WEBHOOK_TIMEOUT_MS } from './webhook.js';
import { webhookChannel } from './webhook-channel.js';

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

/** One builder per channel (src/deliver/*-channel.ts), in the order outcomes are listed. */
const CHANNELS: ChannelBuilder[] = [webhookChannel, emailChannel, pushChannel];
const CHANNEL_ORDER = { webhook: 0, email: 1, apialerts: 2 };

/**
 * Delivers every fired decision over every channel its rule names, concurrently with two bounds:
 * delivery.concurrency in flight overall and delivery.per_host_concurrency to any one host, so one
 * slow receiver cannot hold back the others. Each channel builder turns the decisions into tasks keyed
 * by host; outcomes are listed in decision order, then channel.
 */
export function createDeliverer(opts: DelivererOptions): Deliverer {
  const log = opts.log ?? (() => {});
  return {
    async deliver(decisions: Decision[], file: RulesFile, state: State, env: NodeJS.ProcessEnv): Promise<DeliveryResult> {
      const webhooks: Record<string, WebhookState> = { ...state.webhooks };
      const run: ChannelRun = {
        decisions,
        file,
        env,
        allowPrivate: opts.allowPrivateTargets || file.delivery.allow_private_targets,
        timeoutMs: opts.timeoutMs ?? envNumber(env.APIALERTS_WEBHOOK_TIMEOUT_MS) ?? WEBHOOK_TIMEOUT_MS,
        retryBaseMs: opts.retryBaseMs ?? envNumber(env.APIALERTS_RETRY_BASE_MS) ?? 1000,
        log,
        webhooks,
      };
      const channels = CHANNELS.map((build) => build(run));
      const tasks = channels.flatMap((c) => c.tasks);
      const results = (
        await runKeyedPool(
          tasks,
          // A file built by hand (library use) may lack the bounds the schema defaults.
          file.delivery.concurrency ?? DEFAULT_CONCURRENCY,
          file.delivery.per_host_concurrency ?? DEFAULT_PER_HOST_CONCURRENCY,
        )
      ).flat();
      for (const c of channels) await c.finish?.();
      const keyOf = (o: { rule_id: string; triggered_at: string; resolved_at?: string; group?: Record<string, string | null> }) =>
        `${o.rule_id} ${o.triggered_at} ${o.resolved_at ?? ''} ${o.group ? JSON.stringify(o.group) : ''}`;
      const order = new Map(
        decisions.map((d, i) => [
          keyOf({ rule_id: d.rule.id, triggered_at: d.triggered_at, resolved_at: d.resolved_at, group: d.group }),
          i,
        ]),
      );
      results.sort((a, b) => order.get(keyOf(a))! - order.get(keyOf(b))! || CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel]);
      return { outcomes: results, state: { ...state, webhooks } };
    },
  };
}
