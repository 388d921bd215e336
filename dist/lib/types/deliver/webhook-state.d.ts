import type { WebhookState } from '../state/schema.js';
/** After this many consecutive failed deliveries (each up to 3 attempts) a webhook is set inactive, as in the seed. */
export declare const AUTO_DISABLE_AFTER = 10;
export declare const urlHash: (url: string) => string;
/**
 * The stored state for a rule's webhook; a new or changed URL, or a new `webhook_reenabled_at`,
 * starts afresh (active, no failures). Without the marker the hash is the URL's alone, as it always was.
 */
export declare function currentWebhookState(stored: WebhookState | undefined, url: string, reenabledAt?: string): WebhookState;
/** Counts one delivery's result: success resets the counter, the tenth failure in a row disables. */
export declare function recordDelivery(s: WebhookState, ok: boolean, nowIso: string): WebhookState;
