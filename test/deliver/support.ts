// Shared by the delivery tests: a real SMTP server in the test process, and rule files/decisions.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { RulesFileSchema, type Rule, type RulesFile } from '../../src/rules/schema.js';
import type { Decision } from '../../src/evaluate/types.js';

export const SECRET = '5f2b1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c';
export const SECRET_2 = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
export const SMTP_PASSWORD = 'smtp-P4ssw0rd-never-printed';
export const API_KEY = 'ak_live_S3cr3tK3y_0123456789abcdef';

export interface Mail {
  from: string;
  to: string[];
  raw: string;
  /** Headers unfolded, body with quoted-printable soft breaks and escapes decoded. */
  decoded: string;
}

export interface TestSmtp {
  /** Credentials over plain SMTP, allowed explicitly (`?requireTLS=false`): this server has no TLS. */
  url: string;
  /** The same server as a real deployment would name it: credentials, no opt-out. */
  strictUrl: string;
  mails: Mail[];
  /** Usernames of every AUTH attempt the server saw. */
  auths: string[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 requiring AUTH PLAIN/LOGIN as user "alerts". */
export async function startSmtp(
  opts: { rejectAll?: boolean; password?: string; /** mail to this address is taken and never acknowledged */ hangFor?: string } = {},
): Promise<TestSmtp> {
  const password = opts.password ?? SMTP_PASSWORD;
  const mails: Mail[] = [];
  const auths: string[] = [];
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      auths.push(auth.username ?? '');
      if (auth.username === 'alerts' && auth.password === password) cb(null, { user: 'alerts' });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, cb) {
      if (opts.rejectAll) cb(new Error('mailbox unavailable'));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (opts.hangFor && session.envelope.rcptTo.some((r) => r.address === opts.hangFor)) return;
        const raw = Buffer.concat(chunks).toString('utf8');
        const split = raw.indexOf('\r\n\r\n');
        const headers = raw
          .slice(0, split)
          .replace(/\r\n[ \t]+/g, ' ')
          .replace(/\?=\s+=\?/g, '?==?') // adjacent encoded words join without the space between them
          .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) => qp(q.replace(/_/g, ' ')));
        const decoded = `${headers}\r\n\r\n${qp(raw.slice(split + 4).replace(/=\r?\n/g, ''))}`;
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          decoded,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const strictUrl = `smtp://alerts:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    url: `${strictUrl}?requireTLS=false`,
    strictUrl,
    mails,
    auths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Quoted-printable escapes (=XX) to bytes, read as UTF-8. */
function qp(s: string): string {
  return Buffer.from(
    s.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

let n = 0;
/** A rule file with the given rules (ids assigned), validated by the real schema. */
export function rulesFile(rules: Partial<Rule>[], delivery: Partial<RulesFile['delivery']> = {}): RulesFile {
  return RulesFileSchema.parse({
    project: 'shop-api',
    delivery: { allow_private_targets: true, email_from: 'alerts@shop.example', ...delivery },
    sources: [{ name: 'app', path: 'app.log' }],
    rules: rules.map((r) => ({
      id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      name: 'High Error Rate',
      level: 'error',
      threshold: 10,
      window_minutes: 5,
      channels: ['webhook'],
      ...r,
    })),
  });
}

export function decisionOf(rule: Rule, triggered_at = '2026-04-26T12:00:00Z', match_count = 12): Decision {
  return { rule, triggered_at, match_count };
}
