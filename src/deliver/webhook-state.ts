import { createHash } from 'node:crypto';
import type { WebhookState } from '../state/schema.js';

/** After this many consecutive failed deliveries (each up to 3 attempts) a webhook is set inactive, as in the seed. */
export const AUTO_DISABLE_AFTER = 10;

export const urlHash = (url: string) => createHash('sha256').update(url).digest('hex');

/**
 * The stored state for a rule's webhook; a new or changed URL, or a new `webhook_reenabled_at`,
 * starts afresh (active, no failures). Without the marker the hash is the URL's alone, as it always was.
 */
export function currentWebhookState(stored: WebhookState | undefined, url: string, reenabledAt?: string): WebhookState {
  const url_sha256 = urlHash(reenabledAt ? `${url}\n${reenabledAt}` : url);
  if (stored && stored.url_sha256 === url_sha256) return { ...stored };
  return { url_sha256, active: true, consecutive_failures: 0, disabled_at: null };
}

/** Counts one delivery's result: success resets the counter, the tenth failure in a row disables. */
export function recordDelivery(s: WebhookState, ok: boolean, nowIso: string): WebhookState {
  if (ok) return { ...s, consecutive_failures: 0 };
  const failures = s.consecutive_failures + 1;
  const disable = failures >= AUTO_DISABLE_AFTER && s.active;
  return { ...s, consecutive_failures: failures, active: s.active && !disable, disabled_at: disable ? nowIso : s.disabled_at };
}
