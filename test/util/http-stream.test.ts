import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestStream } from '../../src/util/http.js';

// URL log sources stream through requestStream; the global agent keeps sockets alive between reads,
// so whatever a streamed answer attaches to its socket must come off when the answer ends.
describe('requestStream over a kept-alive socket', () => {
  let server: Server;
  let url: URL;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('{"level":"error"}\n'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/logs.ndjson`);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fifteen reads on one socket leave no timeout listener behind and raise no MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    const sockets = new Set<Socket>();
    let last: Socket | undefined;
    try {
      for (let i = 0; i < 15; i++) {
        const res = await requestStream(url, { headers: {}, timeoutMs: 30_000, env: {} });
        last = (res.body as IncomingMessage).socket;
        sockets.add(last);
        let text = '';
        for await (const chunk of res.body) text += String(chunk);
        expect(text).toBe('{"level":"error"}\n');
        await new Promise((r) => setImmediate(r));
      }
      await new Promise((r) => setTimeout(r, 20)); // let emitted warnings arrive
    } finally {
      process.off('warning', onWarning);
    }
    expect(sockets.size).toBeLessThan(15); // the socket was reused, so listeners could pile up
    expect(last!.listenerCount('timeout')).toBeLessThanOrEqual(1); // the agent's own idle-socket listener
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
