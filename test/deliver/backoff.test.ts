// Issue 13 item 6: removing the webhook retry backoff must fail a test. With Math.random at its top end
// the full-jitter delay is its cap, so the gaps between attempts have a lower bound.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { decisionOf, rulesFile } from './support.js';

let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('webhook retry backoff', () => {
  it('waits ~base, then ~2 × base between the three attempts', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    server = await startServer((_req, res) => void res.writeHead(500).end());
    const file = rulesFile([{ notify_webhook: `${server.url}/h`, allow_http: true }]);
    const out = await createDeliverer({ allowPrivateTargets: true, retryBaseMs: 150 }).deliver(
      [decisionOf(file.rules[0]!)],
      file,
      emptyState(),
      {},
    );
    expect(out.outcomes[0]).toMatchObject({ status: 'failed', attempts: 3 });
    const [a, b, c] = server.requests.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(140);
    expect(c! - b!).toBeGreaterThanOrEqual(290);
  });
});
