// Issue 12, "Done when": random secrets placed in every input the toolkit accepts — URLs of every kind
// (server, log source, SMTP, database, proxy), env values, keys, action inputs — never appear in any
// output stream, file, annotation, output or summary, across the BUILT CLI and both BUILT actions, run as
// a cron line or the runner runs them, in success and failure paths. Real local servers throughout.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { renderLine } from '../helpers/log-lines.js';
import { builtBundle, runNode, tempDir } from '../events/support.js';

const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const NOW = '2026-04-26T12:00:00Z';
const RULE_ID = '7b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

const NAMES = [
  'key',
  'serverPass',
  'serverToken',
  'sourcePass',
  'sourceSig',
  'sourceToken',
  'hookSecret',
  'hookSecret2',
  'smtpPass',
  'pgPass',
  'proxyPass',
  'verifySecret',
  'pathToken',
  'slackToken',
  'discordToken',
] as const;
type Secrets = Record<(typeof NAMES)[number], string>;

/** Secrets as users have them: letters, digits and the URL-safe marks, 12 to 40 characters. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._~-]{11,39}$/);
/** A token in a URL path on an ordinary host: random, as services issue them (16+ letters and digits, 2+ digits, 4+ letters). */
const pathTokenArb = fc
  .tuple(fc.stringMatching(/^[A-Za-z]{4,12}$/), fc.stringMatching(/^[0-9]{2,6}$/), fc.stringMatching(/^[A-Za-z0-9]{10,30}$/))
  .chain(([letters, digits, rest]) =>
    fc.shuffledSubarray([...letters, ...digits, ...rest], { minLength: letters.length + digits.length + rest.length }),
  )
  .map((chars) => chars.join(''));

const secretsArb: fc.Arbitrary<Secrets> = fc
  .uniqueArray(secretArb, { minLength: NAMES.length, maxLength: NAMES.length, selector: (s) => s.toLowerCase() })
  .map((values) => Object.fromEntries(NAMES.map((n, i) => [n, values[i]!])) as Secrets)
  // Webhook secrets must be 64 lowercase hex characters (the seed's format): random ones of that form.
  .map((s) => ({ ...s, hookSecret: sha256(s.hookSecret), hookSecret2: sha256(s.hookSecret2) }))
  // Path tokens: one on an ordinary host (docs/security.md); Slack's and Discord's may be anything.
  .chain((s) => pathTokenArb.map((pathToken) => ({ ...s, pathToken })));

let api: TestServer;
let logs: TestServer;
let hook: TestServer;
beforeAll(async () => {
  // An API that echoes the key back, in a 200 answer and in a 401 error.
  api = await startServer((req, res) => {
    const auth = String(req.headers.authorization ?? '');
    if (req.url.startsWith('/fail')) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `unauthorized: ${auth}` }));
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ workspace: auth, channel: `ch ${auth}`, uuid: auth, warnings: [`key was ${auth}`] }));
  });
  const lines = Array.from({ length: 12 }, (_, i) => renderLine({ ts: T0 - (i + 1) * 10_000, level: 'error' }, i)).join('\n') + '\n';
  logs = await startServer((req, res) => {
    if (req.url.includes('/bad')) res.writeHead(500).end(`no: ${req.url} ${String(req.headers.authorization)}`);
    else res.writeHead(200).end(lines);
  });
  hook = await startServer((_req, res) => void res.writeHead(500).end());
});
afterAll(async () => {
  await Promise.all([api.close(), logs.close(), hook.close()]);
});

const port = (s: TestServer) => s.port;

function ruleFile(dir: string, s: Secrets, opts: { badSource?: boolean; pg?: boolean }): string {
  const sources: unknown[] = [
    {
      name: 'web',
      url: `http://reader:${s.sourcePass}@127.0.0.1:${port(logs)}/t/${s.pathToken}/${opts.badSource ? 'bad' : 'app'}.log?sig=${s.sourceSig}&X-Amz-Signature=${s.sourceSig}`,
      token_env: 'LOG_TOKEN',
    },
  ];
  if (opts.pg) sources.push({ name: 'db', kind: 'postgres', url_env: 'PG_URL', table: 'logs' });
  const path = join(dir, 'alerts.yml');
  writeFileSync(
    path,
    stringify({
      project: 'shop',
      sources,
      rules: [
        {
          id: RULE_ID,
          name: 'Errors',
          level: 'error',
          threshold: 5,
          window_minutes: 5,
          channels: ['webhook', 'email', 'apialerts'],
          notify_webhook: `http://127.0.0.1:${port(hook)}/hook?token=${s.hookSecret}`,
          notify_webhook_secret_env: 'HOOK_SECRET',
          allow_http: true,
          notify_email: 'ops@shop.example',
        },
      ],
    }),
  );
  return path;
}

/**
 * A rule file whose YAML breaks on its Slack webhook line: the parse error quotes that line (a code
 * frame), so the webhook URL is printed, and its token must be redacted.
 */
function brokenRuleFile(dir: string, s: Secrets): string {
  const path = join(dir, 'broken.yml');
  writeFileSync(
    path,
    [
      'project: shop',
      'rules:',
      `  - id: ${RULE_ID}`,
      '    name: Errors',
      '    level: error',
      '    threshold: 5',
      '    window_minutes: 5',
      '    channels: [webhook]',
      `    notify_webhook: https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${s.slackToken}`,
      '      oops: [indent',
      '',
    ].join('\n'),
  );
  return path;
}

/** Every env value the toolkit reads that can hold a secret. */
function secretEnv(s: Secrets): Record<string, string> {
  return {
    APIALERTS_API_KEY: s.key,
    APIALERTS_SERVER_URL: `http://u:${s.serverPass}@127.0.0.1:${port(api)}/fail?token=${s.serverToken}`,
    LOG_TOKEN: s.sourceToken,
    HOOK_SECRET: `${s.hookSecret} ${s.hookSecret2}`,
    SMTP_URL: `smtp://mailer:${s.smtpPass}@127.0.0.1:1?requireTLS=false`,
    PG_URL: `postgres://app:${s.pgPass}@127.0.0.1:1/logs`,
    WEBHOOK_SECRET: s.verifySecret,
    APIALERTS_RETRY_BASE_MS: '1',
    APIALERTS_WEBHOOK_TIMEOUT_MS: '2000',
  };
}

interface Produced {
  label: string;
  text: string;
}

function files(label: string, paths: string[]): Produced[] {
  return paths.filter((p) => existsSync(p)).map((p) => ({ label: `${label} ${p}`, text: readFileSync(p, 'utf8') }));
}

/** Runs every face of the toolkit over one set of secrets and returns everything they wrote. */
async function produce(s: Secrets): Promise<Produced[]> {
  const dir = tempDir('secrets-property-');
  const out: Produced[] = [];
  const cli = async (label: string, args: string[], env: Record<string, string> = {}) => {
    const r = await runNode(builtBundle('cli'), args, { ...secretEnv(s), ...env });
    out.push({ label: `cli ${label} stdout`, text: r.stdout }, { label: `cli ${label} stderr`, text: r.stderr });
    return r;
  };
  const okServer = `http://u:${s.serverPass}@127.0.0.1:${port(api)}/ok?token=${s.serverToken}&api_key=${s.serverToken}`;

  // send: success (the server echoes the key), failure (401 echoing it), and through a proxy that refuses.
  expect((await cli('send ok', ['send', '-m', 'hi', '--key', s.key, '--server-url', okServer])).code).toBe(0);
  expect((await cli('send ok json', ['send', '-m', 'hi', '--server-url', okServer, '--json'])).code).toBe(0);
  expect((await cli('send 401', ['send', '-m', 'hi', '--key', s.key])).code).toBe(1);
  expect((await cli('send 401 json', ['send', '-m', 'hi', '--json'])).code).toBe(1);
  const proxied = await cli(
    'send proxy',
    ['send', '-m', 'hi', '--server-url', `https://api.example.test/?token=${s.serverToken}`, '--retries', '0'],
    {
      HTTPS_PROXY: `http://proxyuser:${s.proxyPass}@127.0.0.1:1`,
    },
  );
  expect(proxied.code).toBe(1);
  expect(proxied.stderr).toContain('proxy http://***@127.0.0.1:1');
  // A bad server URL is printed in the error: a Slack-style path token in it.
  const badUrl = await cli('send bad url', ['send', '-m', 'hi', '--server-url', `ftp://hooks.slack.com/services/T0/B0/${s.slackToken}`]);
  expect([badUrl.code, badUrl.stderr]).toEqual([1, expect.stringContaining('ftp://hooks.slack.com/services/T0/B0/***')]);

  // evaluate: delivers (webhook 500, email refused, push echoing the key) then a bad source, a database source.
  const state = join(dir, 'state', 'state.json');
  const good = ruleFile(dir, s, {});
  const evalArgs = ['evaluate', '--rules', good, '--state', state, '--now', NOW, '--allow-private-targets'];
  const delivered = await cli('evaluate', evalArgs, { APIALERTS_SERVER_URL: okServer });
  expect([delivered.code, delivered.stderr.split('\n')[0]]).toEqual([3, expect.any(String)]);
  await cli('evaluate json', [...evalArgs.slice(0, 5), '--now', '2026-04-26T12:05:00Z', '--allow-private-targets', '--json'], {
    APIALERTS_SERVER_URL: okServer,
  });
  await cli('evaluate dry', ['evaluate', '--rules', good, '--state', state, '--now', NOW, '--dry-run', '--json']);
  await cli('backtest', ['backtest', '--rules', good, '--from', '2026-04-26T11:00:00Z', '--to', NOW]);
  const badDir = tempDir('secrets-property-bad-');
  expect(
    (
      await cli('evaluate bad source', [
        'evaluate',
        '--rules',
        ruleFile(badDir, s, { badSource: true }),
        '--state',
        join(badDir, 's.json'),
        '--now',
        NOW,
      ])
    ).code,
  ).toBe(2);
  const pgDir = tempDir('secrets-property-pg-');
  expect(
    (await cli('evaluate pg', ['evaluate', '--rules', ruleFile(pgDir, s, { pg: true }), '--state', join(pgDir, 's.json'), '--now', NOW]))
      .code,
  ).toBe(2);
  expect(
    (
      await cli('logs url', [
        'evaluate',
        '--rules',
        good,
        '--logs',
        `http://reader:${s.sourcePass}@127.0.0.1:${port(logs)}/bad.log?token=${s.sourceToken}`,
        '--now',
        NOW,
        '--dry-run',
      ])
    ).code,
  ).toBe(2);
  const broken = await cli('evaluate broken yaml', ['evaluate', '--rules', brokenRuleFile(dir, s), '--now', NOW, '--dry-run']);
  expect([broken.code, broken.stderr]).toEqual([2, expect.stringContaining('https://hooks.slack.com/services/T0123ABCD/B0456EFGH/***')]);
  out.push(...files('state', [state]));

  // verify: a wrong signature with the secret from env and from a file.
  const request = join(dir, 'req.http');
  writeFileSync(request, `POST /hook HTTP/1.1\r\nx-krafter-signature: sha256=${'0'.repeat(64)}\r\n\r\n{}`);
  const secretFile = join(dir, 'secret.txt');
  writeFileSync(secretFile, s.verifySecret);
  await cli('verify env', ['verify', '--request', request]);
  await cli('verify file', ['verify', '--request', request, '--secret-file', secretFile, '--json']);

  // The notify action: success with the key echoed, and failure.
  for (const [label, server, key] of [
    ['ok', okServer, s.key],
    ['fail', `http://u:${s.serverPass}@127.0.0.1:${port(api)}/fail?sig=${s.serverToken}`, s.key],
    // Not http(s): the error names the URL, a Discord-style webhook path with its token.
    ['bad url', `ftp://discord.com/api/webhooks/123456789012345678/${s.discordToken}`, s.key],
  ] as const) {
    const gh = join(dir, `notify-${label}-output`);
    const summary = join(dir, `notify-${label}-summary`);
    writeFileSync(gh, '');
    writeFileSync(summary, '');
    const r = await runNode(builtBundle('notify'), [], {
      INPUT_API_KEY: key,
      INPUT_SERVER_URL: server,
      INPUT_MESSAGE: 'deployed',
      INPUT_RETRIES: '0',
      GITHUB_OUTPUT: gh,
      GITHUB_STEP_SUMMARY: summary,
    });
    out.push(
      { label: `notify ${label} stdout`, text: withoutMaskCommands(r.stdout) },
      { label: `notify ${label} stderr`, text: r.stderr },
      ...files(`notify ${label}`, [gh, summary]),
    );
  }

  // The evaluate action: secrets by name (JSON) and in a bundle, success and failure paths.
  for (const [label, rules] of [
    ['ok', good],
    ['pg', ruleFile(tempDir('secrets-property-action-pg-'), s, { pg: true })],
    ['bad source', ruleFile(tempDir('secrets-property-action-bad-'), s, { badSource: true })],
    ['broken yaml', brokenRuleFile(tempDir('secrets-property-action-yaml-'), s)],
  ] as const) {
    const gh = join(dir, `evaluate-${label}-output`);
    const summary = join(dir, `evaluate-${label}-summary`);
    const actionState = join(dir, `evaluate-${label}`, 'state.json');
    writeFileSync(gh, '');
    writeFileSync(summary, '');
    const env = secretEnv(s);
    const r = await runNode(builtBundle('evaluate'), [], {
      INPUT_RULES: rules,
      INPUT_STATE: actionState,
      INPUT_NOW: NOW,
      INPUT_ALLOW_PRIVATE_TARGETS: 'true',
      INPUT_SECRETS_JSON: JSON.stringify({ HOOK_SECRET: env.HOOK_SECRET, LOG_TOKEN: env.LOG_TOKEN, SMTP_URL: env.SMTP_URL }),
      INPUT_SECRETS_BUNDLE: `PG_URL=${env.PG_URL}\nAPIALERTS_API_KEY=${s.key}`,
      APIALERTS_SERVER_URL: okServer,
      APIALERTS_RETRY_BASE_MS: '1',
      APIALERTS_WEBHOOK_TIMEOUT_MS: '2000',
      GITHUB_OUTPUT: gh,
      GITHUB_STEP_SUMMARY: summary,
    });
    out.push(
      { label: `evaluate action ${label} stdout`, text: withoutMaskCommands(r.stdout) },
      { label: `evaluate action ${label} stderr`, text: r.stderr },
      ...files(`evaluate action ${label}`, [gh, summary, actionState]),
    );
  }
  return out;
}

/** `::add-mask::value` is how a secret is handed to the runner, which hides it in the log: not output. */
function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

describe('no secret in any output (property, built CLI and actions)', () => {
  it('random secrets in every input never appear in stdout, stderr, annotations, outputs, summaries or state', async () => {
    // Each sample runs the built bundles ~20 times: a few samples, each a different set of secrets.
    const samples = fc.sample(secretsArb, { numRuns: 2, seed: Number(process.env.SECRETS_PROPERTY_SEED ?? Date.now() % 100_000) });
    for (const s of samples) {
      const produced = await produce(s);
      expect(produced.length).toBeGreaterThan(30);
      // The runs did print what they did (so an empty output cannot pass): the echoes were redacted, not absent.
      expect(produced.some((p) => p.text.includes('***'))).toBe(true);
      // Path tokens were printed, redacted: a source URL's label, a bad server URL, a rule file's code frame.
      const printed = (label: string, text: string) => produced.some((p) => p.label.startsWith(label) && p.text.includes(text));
      expect(printed('cli evaluate', '/t/***/app.log')).toBe(true);
      expect(printed('evaluate action ok', '/t/***/app.log')).toBe(true);
      expect(printed('notify bad url', 'ftp://discord.com/api/webhooks/123456789012345678/***')).toBe(true);
      expect(printed('evaluate action broken yaml', 'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/***')).toBe(true);
      const leaks = produced.flatMap((p) =>
        Object.entries(s)
          .filter(([, v]) => p.text.includes(v))
          .map(([name]) => `${name} in ${p.label}:\n${p.text.slice(0, 2000)}`),
      );
      expect(leaks).toEqual([]);
    }
  }, 600_000);
});
