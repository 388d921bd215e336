// verifySignature against signatures made independently: node crypto written out here, and the
// standardwebhooks package (both directions).
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/deliver/verify.js';
import { signStandard, toWhsec } from '../../src/deliver/sign.js';
import { SECRET, SECRET_2 } from './support.js';

const body =
  '{"alert_id":"x","alert_name":"High Error Rate","level":"error","match_count":12,"window_minutes":5,"triggered_at":"2026-04-26T12:00:00Z"}';
const krafter = (secret: string, data = body) => ({
  'X-Krafter-Signature': `sha256=${createHmac('sha256', secret).update(data).digest('hex')}`,
});
const NOW = new Date('2026-04-26T12:00:07Z');
const ts = Math.floor(NOW.getTime() / 1000);

describe('verifySignature, krafter scheme', () => {
  it('accepts the seed signature (any header case), with one secret or any of several during a rotation', () => {
    expect(verifySignature(body, krafter(SECRET), SECRET)).toEqual({ ok: true, scheme: 'krafter' });
    expect(verifySignature(Buffer.from(body), krafter(SECRET), [SECRET_2, SECRET])).toEqual({ ok: true, scheme: 'krafter' });
    expect(verifySignature(body, krafter(SECRET), `${SECRET_2} ${SECRET}`).ok).toBe(true);
  });

  it('rejects a changed body, another secret, a missing or malformed header, with the reason', () => {
    expect(verifySignature(body.replace('12', '13'), krafter(SECRET), SECRET)).toEqual({
      ok: false,
      scheme: 'krafter',
      reason: 'no signature matched',
    });
    expect(verifySignature(body, krafter(SECRET_2), SECRET).reason).toBe('no signature matched');
    expect(verifySignature(body, {}, SECRET).reason).toBe('missing x-krafter-signature header');
    expect(verifySignature(body, { 'x-krafter-signature': 'sha256=abc' }, SECRET).reason).toMatch(/not of the form/);
    expect(verifySignature(body, krafter(SECRET), []).reason).toBe('no secret given');
  });
});

describe('verifySignature, Standard Webhooks scheme', () => {
  const theirs = (secret: string, id = 'evt_1') => {
    const sig = new Webhook(toWhsec(secret)).sign(id, new Date(ts * 1000), body);
    return { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sig };
  };

  it('accepts what the standardwebhooks package signs, and that package accepts what we sign', () => {
    expect(verifySignature(body, theirs(SECRET), SECRET, { now: NOW })).toEqual({ ok: true, scheme: 'standard' });
    expect(verifySignature(body, theirs(SECRET), toWhsec(SECRET), { now: NOW }).ok).toBe(true);
    // The package checks the timestamp against the real clock.
    const nowTs = Math.floor(Date.now() / 1000);
    const ours = {
      'webhook-id': 'evt_2',
      'webhook-timestamp': String(nowTs),
      'webhook-signature': signStandard('evt_2', nowTs, body, [SECRET_2, SECRET]),
    };
    for (const s of [SECRET, SECRET_2]) expect(new Webhook(toWhsec(s)).verify(body, ours)).toMatchObject({ match_count: 12 });
    expect(verifySignature(body, ours, SECRET).ok).toBe(true);
  });

  it('rejects replays outside the tolerance, a changed id or body, and missing headers', () => {
    expect(verifySignature(body, theirs(SECRET), SECRET, { now: new Date(NOW.getTime() + 301_000) }).reason).toBe(
      'timestamp outside tolerance (±300 s)',
    );
    expect(verifySignature(body, theirs(SECRET), SECRET, { now: new Date(NOW.getTime() + 301_000), toleranceSeconds: 400 }).ok).toBe(true);
    expect(verifySignature(body, { ...theirs(SECRET), 'webhook-id': 'evt_other' }, SECRET, { now: NOW }).reason).toBe(
      'no signature matched',
    );
    expect(verifySignature(body + ' ', theirs(SECRET), SECRET, { now: NOW }).reason).toBe('no signature matched');
    expect(verifySignature(body, { 'webhook-signature': 'v1,xx' }, SECRET, { now: NOW }).reason).toBe(
      'missing webhook-id, webhook-timestamp headers',
    );
    expect(verifySignature(body, { ...krafter(SECRET) }, SECRET, { scheme: 'standard' }).reason).toMatch(/^missing webhook-id/);
  });

  it("a 'both' delivery replayed later without its webhook-* headers: auto falls back to the krafter check, standard refuses", () => {
    const later = { now: new Date(NOW.getTime() + 86_400_000) };
    const captured = { ...theirs(SECRET), ...krafter(SECRET) };
    expect(verifySignature(body, captured, SECRET, later).reason).toBe('timestamp outside tolerance (±300 s)');
    const stripped = krafter(SECRET);
    expect(verifySignature(body, stripped, SECRET, later)).toEqual({ ok: true, scheme: 'krafter' }); // why the README asks for 'standard'
    expect(verifySignature(body, stripped, SECRET, { ...later, scheme: 'standard' })).toMatchObject({
      ok: false,
      reason: 'missing webhook-id, webhook-timestamp, webhook-signature headers',
    });
  });
});
