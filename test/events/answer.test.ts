// What counts as "sent" (issue 11 item 11): only the API's own answer, as v2 (the apialerts SDK)
// judged it; and what v2 sent unchecked (links, non-object data) is sent, with a warning.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiAlertsError, sendEvent, type ClientOptions } from '../../src/events/client.js';
import type { TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, bodyOf, startApi, type Script } from './support.js';

let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function withApi(script?: Script): Promise<ClientOptions> {
  api = await startApi(script);
  return { apiKey: GOOD_KEY, serverUrl: api.url, integration: 'test-suite', retries: 2, env: { APIALERTS_RETRY_BASE_MS: '1' } };
}

describe('a 2xx answer', () => {
  it.each([
    ['a JSON string', { status: 200, body: 'OK' }, /200 answer is not the API Alerts JSON .*got: "OK"\)/],
    ['an array', { status: 200, body: [] }, /200 answer is not the API Alerts JSON/],
    ['an object without workspace and channel', { status: 201, body: { id: 1 } }, /201 answer is not the API Alerts JSON/],
    ['an object with workspace only', { status: 200, body: { workspace: 'W' } }, /200 answer is not the API Alerts JSON/],
    ['empty (204)', { status: 204 }, /204 answer is not the API Alerts JSON .*got an empty body\)/],
  ] as const)('that is %s is an error, sent once (not retried: the event may have arrived)', async (_what, reply, message) => {
    const opts = await withApi(() => ({ ...reply }));
    const err = await sendEvent({ message: 'm' }, opts).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiAlertsError);
    expect((err as ApiAlertsError).message).toMatch(message);
    expect((err as ApiAlertsError).status).toBe(reply.status);
    expect(api!.requests).toHaveLength(1);
  });

  it('that echoes the key does not print it', async () => {
    const opts = await withApi((req) => ({ status: 200, body: `hello ${String(req.headers.authorization)}` }));
    const err = (await sendEvent({ message: 'm' }, opts).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('hello Bearer ***');
    expect(err.message).not.toContain(GOOD_KEY);
  });

  it('with workspace and channel is success, whatever else it holds', async () => {
    const opts = await withApi(() => ({ status: 200, body: { workspace: 'W', channel: 'C', extra: [1] } }));
    await expect(sendEvent({ message: 'm' }, opts)).resolves.toMatchObject({ status: 200, workspace: 'W', channel: 'C', warnings: [] });
  });
});

describe('what v2 sent unchecked', () => {
  it('a link without a scheme and array data go out as given, and the result carries the warnings', async () => {
    const opts = await withApi();
    const result = await sendEvent({ message: 'm', link: 'www.x.io', data: [1, 2] }, opts);
    expect(bodyOf(api!.requests[0])).toEqual({ message: 'm', link: 'www.x.io', data: [1, 2] });
    expect(result.warnings).toEqual([
      'link "www.x.io" does not start with http://, https://, mailto: or tel:; sent as given, the server may ignore or reject it',
      'data is an array, not a JSON object like {"version":"1.2.3"}; sent as given, the server may ignore it',
    ]);
  });
});
