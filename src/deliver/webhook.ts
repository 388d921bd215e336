import { createHash, randomUUID } from 'node:crypto';
import { decisionExtras } from './extras.js';
import { levelLabel } from '../rules/selection.js';
import type { Decision } from './types.js';
import { backoffDelay } from '../util/retry.js';
import { sleep } from '../util/sleep.js';
import { describeError } from '../util/errors.js';
import { requestStatus } from '../util/http.js';
import { checkLiteralHost, guardedLookup } from './address-policy.js';
import { signKrafter, signStandard } from './sign.js';
import { eventName, isResolve, lifecycleBodyFields } from './lifecycle-payload.js';

const WEBHOOK_ATTEMPTS = 3;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The seed's payload: exactly these six fields, in this order, and nothing from the logs. Rules using
 * group_by or denominator add, after them, `group` (field → value) and `ratio` + `denominator_count`
 * (src/deliver/extras.ts); lifecycle rules add their fields after those (src/deliver/lifecycle-payload.ts).
 */
export function webhookBody(d: Decision): Buffer {
  return Buffer.from(
    JSON.stringify({
      alert_id: d.rule.id,
      alert_name: d.rule.name,
      level: levelLabel(d.rule),
      match_count: d.match_count,
      window_minutes: d.rule.window_minutes,
      triggered_at: d.triggered_at,
      ...decisionExtras(d),
      ...lifecycleBodyFields(d),
    }),
  );
}

/**
 * A delivery's event id, the same for every attempt so receivers can deduplicate retries (and a re-run
 * after a crash, which decides the same rule at the same tick). A grouped rule's instances fire at the
 * same tick, so theirs ends in a hash of the group: one id per rule, tick and group.
 */
function eventId(d: Decision): string {
  // A resolve is its own event: keyed by when it resolved.
  const base = isResolve(d)
    ? `evt_${d.rule.id}_${Date.parse(d.resolved_at!) / 1000}_resolved`
    : `evt_${d.rule.id}_${Date.parse(d.triggered_at) / 1000}`;
  return d.rule.group_by && d.group ? `${base}_${createHash('sha256').update(JSON.stringify(d.group)).digest('hex').slice(0, 16)}` : base;
}

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
export function webhookHeaders(
  d: Decision,
  body: Buffer,
  secrets: string[],
  nowSeconds: number,
  userAgent: string,
): Record<string, string> {
  const scheme = d.rule.webhook_scheme;
  const id = eventId(d);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(body.length),
    'user-agent': userAgent,
  };
  if (scheme !== 'standard') {
    headers['x-krafter-event'] = eventName(d);
    headers['x-krafter-webhook-id'] = randomUUID();
    headers['x-krafter-event-id'] = id;
    if (secrets.length > 0) headers['x-krafter-signature'] = signKrafter(body, secrets[0]!);
  }
  if (scheme !== 'krafter') {
    headers['webhook-id'] = id;
    headers['webhook-timestamp'] = String(nowSeconds);
    if (secrets.length > 0) headers['webhook-signature'] = signStandard(id, nowSeconds, body, secrets);
  }
  return headers;
}

/**
 * One attempt: 2xx is success; anything else (3xx included — never followed) is a failure. Sent by the
 * toolkit's outbound HTTP helper (proxy from the environment, one deadline for the whole attempt as the
 * seed's "2xx within 10 s"), with the address policy's lookup on the target.
 */
async function attempt(
  url: URL,
  body: Buffer,
  headers: Record<string, string>,
  opts: WebhookOptions,
  env: NodeJS.ProcessEnv,
): Promise<{ status?: number; error?: string }> {
  const refused = checkLiteralHost(url.hostname, opts.allowPrivate);
  if (refused) return { error: refused };
  try {
    return await requestStatus(url, {
      method: 'POST',
      headers,
      body,
      timeoutMs: opts.timeoutMs,
      lookup: guardedLookup(opts.allowPrivate),
      agent: false,
      env,
    });
  } catch (err) {
    return { error: describeError(err) };
  }
}

/** Up to 3 attempts with full-jitter backoff; a refused target is not retried (it will not change). */
export async function deliverWebhook(d: Decision, url: string, opts: WebhookOptions): Promise<WebhookResult> {
  const target = new URL(url);
  const body = webhookBody(d);
  let last: { status?: number; error?: string } = {};
  for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
    if (i > 0) await sleep(backoffDelay(i - 1, { baseMs: opts.retryBaseMs, maxMs: 30_000 }));
    const headers = webhookHeaders(d, body, opts.secrets, Math.floor(Date.now() / 1000), opts.userAgent);
    last = await attempt(target, body, headers, opts, opts.env ?? process.env);
    if (last.status !== undefined && last.status >= 200 && last.status < 300)
      return { ok: true, attempts: i + 1, http_status: last.status };
    if (last.error?.startsWith('refused:')) return { ok: false, attempts: i + 1, detail: last.error, refused: true };
  }
  const detail =
    last.error ??
    (last.status !== undefined && last.status >= 300 && last.status < 400
      ? `HTTP ${last.status} (redirects are not followed)`
      : `HTTP ${last.status}`);
  return { ok: false, attempts: WEBHOOK_ATTEMPTS, ...(last.status !== undefined ? { http_status: last.status } : {}), detail };
}
