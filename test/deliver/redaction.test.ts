// Issue 13 item 6: delivery's redaction must be able to fail a test. An SMTP server that echoes the
// password it was given in its 535 reply (some do, and proxies echo Authorization headers): the failed
// outcome names the failure, never the password — with redaction made a no-op this test fails.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { redact } from '../../src/deliver/redact.js';
import { emptyState } from '../../src/state/schema.js';
import { decisionOf, rulesFile } from './support.js';

const PASSWORD = 'echo-Me-Pl3ase-0123456789';
let server: SMTPServer;
let port = 0;
beforeAll(async () => {
  server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(Object.assign(new Error(`no user ${auth.username} with password ${auth.password ?? ''}`), { responseCode: 535 }));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe("delivery's redaction", () => {
  it('a server echoing the SMTP password: the outcome says why, without the password (in any form)', async () => {
    const url = `smtp://alerts:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}?requireTLS=false`;
    const file = rulesFile([{ channels: ['email'], notify_email: 'ops@shop.example' }]);
    const out = await createDeliverer({ allowPrivateTargets: true }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      SMTP_URL: url,
    });
    const detail = out.outcomes[0]!.detail ?? '';
    expect(out.outcomes[0]!.status).toBe('failed');
    expect(detail).toMatch(/535/); // the server's answer is there…
    expect(detail).toContain('***'); // …with the echoed password replaced
    expect(detail).not.toContain(PASSWORD);
    expect(JSON.stringify(out)).not.toContain(PASSWORD);
  });

  it('redact() removes the value, its URL-password forms and any URL credentials', () => {
    expect(redact('key ak_live_123456789 was refused', 'ak_live_123456789')).toBe('key *** was refused');
    expect(redact('login p@ss/word failed', 'smtp://u:p%40ss%2Fword@h')).toBe('login *** failed');
    expect(redact('GET https://u:x@h/?token=t failed', 'unrelated-secret')).toBe('GET https://***@h/?token=*** failed');
  });
});
