import type { Deliverer } from './types.js';
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
/**
 * Delivers every fired decision over every channel its rule names, concurrently with two bounds:
 * delivery.concurrency in flight overall and delivery.per_host_concurrency to any one host, so one
 * slow receiver cannot hold back the others. Each channel builder turns the decisions into tasks keyed
 * by host; outcomes are listed in decision order, then channel.
 */
export declare function createDeliverer(opts: DelivererOptions): Deliverer;
