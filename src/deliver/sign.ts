import { createHmac } from 'node:crypto';

/**
 * Signing for both webhook schemes. The secret is 64 lowercase hex chars (32 bytes); during a rotation
 * the env var may hold several, space-separated: the krafter scheme signs with the first (receivers
 * compare one value), the Standard Webhooks scheme signs with each (receivers accept any).
 */

const HEX_SECRET = /^[0-9a-f]{64}$/;

/** Splits an env var value into secrets; throws naming the env var (never the value) when malformed. */
export function parseSecrets(value: string, envName: string): string[] {
  const secrets = value.trim().split(/\s+/).filter(Boolean);
  if (secrets.length === 0) throw new Error(`env ${envName} is empty`);
  for (const [i, s] of secrets.entries()) {
    if (!HEX_SECRET.test(s)) throw new Error(`env ${envName}: secret #${i + 1} is not 64 lowercase hex characters`);
  }
  return secrets;
}

/** `sha256=<hex HMAC-SHA256 of the exact bytes>` — the seed's x-krafter-signature value. The HMAC key is the hex string's UTF-8 bytes, as in the seed's receiver. */
export function signKrafter(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The Standard Webhooks key for one of our hex secrets: its 32 raw bytes. As `whsec_<base64>` for receivers' libraries. */
export function standardKey(secret: string): Buffer {
  return Buffer.from(secret, 'hex');
}

export function toWhsec(secret: string): string {
  return `whsec_${standardKey(secret).toString('base64')}`;
}

/** `v1,<base64>` over `id.timestamp.body` for each secret, space-separated (Standard Webhooks). */
export function signStandard(id: string, timestampSeconds: number, body: Buffer | string, secrets: string[]): string {
  const payload = Buffer.concat([Buffer.from(`${id}.${timestampSeconds}.`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
  return secrets.map((s) => `v1,${createHmac('sha256', standardKey(s)).update(payload).digest('base64')}`).join(' ');
}
