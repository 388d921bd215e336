import { createHmac, timingSafeEqual } from 'node:crypto';
import { standardKey } from './sign.js';

export type SignatureScheme = 'krafter' | 'standard';

export interface VerifyOptions {
  /** Standard Webhooks: how far webhook-timestamp may be from now (default 300 s, both ways). */
  toleranceSeconds?: number;
  now?: Date;
  /**
   * Which headers to check; `auto` (default) uses Standard Webhooks when its headers are present and
   * the timestamp-less krafter signature otherwise. Receivers that rely on the timestamp for replay
   * protection (rules with `both`) pass `standard`, so stripping the webhook-* headers cannot downgrade.
   */
  scheme?: SignatureScheme | 'auto';
}

export interface VerifyResult {
  ok: boolean;
  scheme?: SignatureScheme;
  reason?: string;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v;
  return undefined;
}

/** Constant-time equality of two strings (length is not secret: signatures have a fixed length). */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks a delivery's signature for receivers, in either scheme, against one secret or several
 * (during a rotation any may match). The raw body must be the exact bytes received, before any
 * JSON parsing. Standard Webhooks also rejects timestamps outside the tolerance (replays).
 */
export function verifySignature(
  rawBody: Buffer | string,
  headers: Headers,
  secrets: string | string[] | undefined | null,
  options: VerifyOptions = {},
): VerifyResult {
  // No secret (an unset env var passed straight through) is a failed check, never a throw.
  const list = Array.isArray(secrets) ? secrets : typeof secrets === 'string' ? secrets.split(/\s+/) : [];
  const keys = list
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim())
    .filter(Boolean);
  if (keys.length === 0) return { ok: false, reason: 'no secret given' };
  const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
  const scheme = options.scheme ?? 'auto';
  const useStandard = scheme === 'standard' || (scheme === 'auto' && header(headers, 'webhook-signature') !== undefined);
  return useStandard ? verifyStandard(body, headers, keys, options) : verifyKrafter(body, headers, keys);
}

function verifyKrafter(body: Buffer, headers: Headers, secrets: string[]): VerifyResult {
  const got = header(headers, 'x-krafter-signature');
  if (!got) return { ok: false, scheme: 'krafter', reason: 'missing x-krafter-signature header' };
  if (!/^sha256=[0-9a-f]{64}$/.test(got))
    return { ok: false, scheme: 'krafter', reason: 'x-krafter-signature is not of the form sha256=<64 hex>' };
  const ok = secrets.some((s) => same(`sha256=${createHmac('sha256', s).update(body).digest('hex')}`, got));
  return ok ? { ok, scheme: 'krafter' } : { ok, scheme: 'krafter', reason: 'no signature matched' };
}

function verifyStandard(body: Buffer, headers: Headers, secrets: string[], options: VerifyOptions): VerifyResult {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  const missing = [
    ['webhook-id', id],
    ['webhook-timestamp', timestamp],
    ['webhook-signature', signatures],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0)
    return { ok: false, scheme: 'standard', reason: `missing ${missing.join(', ')} header${missing.length > 1 ? 's' : ''}` };
  if (!/^\d{1,12}$/.test(timestamp!)) return { ok: false, scheme: 'standard', reason: 'webhook-timestamp is not a number of seconds' };
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > tolerance)
    return { ok: false, scheme: 'standard', reason: `timestamp outside tolerance (±${tolerance} s)` };
  const payload = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
  const offered = signatures!
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => s.slice(3));
  for (const secret of secrets) {
    const key = /^[0-9a-f]{64}$/.test(secret)
      ? standardKey(secret)
      : secret.startsWith('whsec_')
        ? Buffer.from(secret.slice(6), 'base64')
        : Buffer.from(secret);
    const expected = createHmac('sha256', key).update(payload).digest('base64');
    if (offered.some((o) => same(expected, o))) return { ok: true, scheme: 'standard' };
  }
  return { ok: false, scheme: 'standard', reason: 'no signature matched' };
}
