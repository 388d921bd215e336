import type { Decision } from './types.js';
export declare const WEBHOOK_TIMEOUT_MS = 10000;
/**
 * The seed's payload: exactly these six fields, in this order, and nothing from the logs. Rules using
 * group_by or denominator add, after them, `group` (field → value) and `ratio` + `denominator_count`
 * (src/deliver/extras.ts); lifecycle rules add their fields after those (src/deliver/lifecycle-payload.ts).
 */
export declare function webhookBody(d: Decision): Buffer;
interface WebhookOptions {
    allowPrivate: boolean;
    timeoutMs: number;
    retryBaseMs: number;
    /** Secrets from the rule's env var; empty when the rule names none (unsigned, as the seed allows). */
    secrets: string[];
    userAgent: string;
    /** Where the proxy settings are read (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); process.env by default. */
    env?: NodeJS.ProcessEnv;
}
interface WebhookResult {
    ok: boolean;
    attempts: number;
    http_status?: number;
    detail?: string;
    /** Refused by the address policy before any connection: not the receiver's failure. */
    refused?: true;
}
/** The headers of one attempt: per-attempt id, stable event id, signatures over the exact bytes sent. */
export declare function webhookHeaders(d: Decision, body: Buffer, secrets: string[], nowSeconds: number, userAgent: string): Record<string, string>;
/** Up to 3 attempts with full-jitter backoff; a refused target is not retried (it will not change). */
export declare function deliverWebhook(d: Decision, url: string, opts: WebhookOptions): Promise<WebhookResult>;
export {};
