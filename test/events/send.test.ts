import { afterEach, describe, expect, it } from 'vitest';
import { send, ApiAlertsError, ApiAlertsEventSchema, LIMITS } from '../../src/lib/index.js';
import type { TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, bodyOf, startApi } from './support.js';

let api: TestServer | undefined;
const saved = { key: process.env.APIALERTS_API_KEY, url: process.env.APIALERTS_SERVER_URL };
afterEach(async () => {
  await api?.close();
  api = undefined;
  for (const [name, value] of [
    ['APIALERTS_API_KEY', saved.key],
    ['APIALERTS_SERVER_URL', saved.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('library send', () => {
  it("works the seed's way: key and server from the environment", async () => {
    api = await startApi();
    process.env.APIALERTS_API_KEY = GOOD_KEY;
    process.env.APIALERTS_SERVER_URL = api.url;
    const order = { id: 'ord_1', paymentId: 'pi_9' };
    const result = await send({
      message: `Payment failed: ${order.id} - card declined`,
      channel: 'payments',
      link: `https://dashboard.stripe.com/payments/${order.paymentId}`,
      tags: ['payment', 'error'],
    });
    expect(result).toMatchObject({ status: 200, workspace: 'Acme', channel: 'payments', attempts: 1 });
    expect(api.requests[0]!.headers['x-integration']).toBe('js');
    expect(bodyOf(api.requests[0])).toEqual({
      message: 'Payment failed: ord_1 - card declined',
      channel: 'payments',
      link: 'https://dashboard.stripe.com/payments/pi_9',
      tags: ['payment', 'error'],
    });
  });

  it('takes the key and server as options, and throws ApiAlertsError on failure', async () => {
    api = await startApi();
    delete process.env.APIALERTS_API_KEY;
    await expect(send({ message: 'm' }, { serverUrl: api.url })).rejects.toThrow(/no API key: pass \{ apiKey \} or set APIALERTS_API_KEY/);
    await expect(send({ message: 'm' }, { apiKey: 'bad', serverUrl: api.url })).rejects.toBeInstanceOf(ApiAlertsError);
    await expect(send({ message: 'm' }, { apiKey: GOOD_KEY, serverUrl: api.url })).resolves.toMatchObject({ status: 200 });
  });

  it('exports the schema and limits', () => {
    expect(ApiAlertsEventSchema.safeParse({ message: 'x', tags: ['a'] }).success).toBe(true);
    expect(ApiAlertsEventSchema.safeParse({ channel: 'x' }).success).toBe(false);
    expect(LIMITS.message).toBe(500);
  });
});

describe('library send without a key', () => {
  it('a blank key is no key: the library names both ways to give one', async () => {
    await expect(send({ message: 'm' }, { apiKey: '  ', serverUrl: 'http://127.0.0.1:1' })).rejects.toThrow(
      'no API key: pass { apiKey } or set APIALERTS_API_KEY',
    );
  });
});
