// `npm run demo`: the whole toolkit end to end on loopback, from the committed dist/ bundles.
// 1. Deploy notifications: an embedded server implements the API Alerts event contract; the built
//    notify action runs as the runner starts it for a failed and a successful deploy, and the built
//    CLI sends a cron-style event.
// 2. Threshold alerts: a generated log with an error burst, the real `apialerts evaluate` over sample
//    rules, a signed webhook to an embedded receiver that verifies it (both schemes), an email to an
//    embedded SMTP server, a push event to the API server, and a short backtest.
// 3. The alert lifecycle: the disk-space rule (fire at 90 %, resolve below 85 %, one instance per host)
//    and the p95 latency rule (pending for 2 ticks) of examples/alerts.yml, delivering to the embedded
//    receiver, evaluated tick after tick with one state file; the receiver verifies a signed fire and a
//    signed resolve (x-krafter-event: alert.resolved) for each — for the disk rule, for the full host only.
// No accounts, no network beyond 127.0.0.1. Exits non-zero if anything did not arrive as expected.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { verifySignature } from '../dist/lib/index.js';

const KEY = 'demo-key-not-a-secret';
const received = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const ok = req.method === 'POST' && req.url === '/event' && req.headers.authorization === `Bearer ${KEY}`;
    const event = ok ? JSON.parse(body) : undefined;
    if (event) received.push({ integration: req.headers['x-integration'], event });
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        ok
          ? { workspace: 'Demo', channel: event.channel ?? 'general', uuid: `evt-${received.length}`, warnings: [] }
          : { error: 'unauthorized' },
      ),
    );
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const serverUrl = `http://127.0.0.1:${server.address().port}`;
const dir = mkdtempSync(join(tmpdir(), 'apialerts-demo-'));

// Runs off the event loop's thread so the embedded server keeps answering.
function run(script, args, env) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env } });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (out += c));
    p.on('close', (code) => resolve({ code, out }));
  });
}

/** Reads the runner's `name<<DELIMITER` blocks back into name → value. */
function parseOutputs(text) {
  const outputs = {};
  const re = /^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3];
  return outputs;
}

const github = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: 'f00dbabe1234567890abcdef',
  GITHUB_REF_NAME: 'main',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_JOB: 'ship',
};

for (const status of ['failure', 'success']) {
  const outputFile = join(dir, `output-${status}`);
  const summaryFile = join(dir, `summary-${status}`);
  const { code, out } = await run('dist/notify/index.js', [], {
    ...github,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    INPUT_API_KEY: KEY,
    INPUT_SERVER_URL: serverUrl,
    INPUT_CHANNEL: 'releases',
    INPUT_TAGS: 'deploy,production',
    INPUT_STATUS: status,
    INPUT_JOB_ID: '55501',
    INPUT_RETRIES: '2',
    INPUT_TIMEOUT: '10',
    INPUT_FAIL_ON_ERROR: 'true',
    INPUT_DRY_RUN: 'false',
  });
  console.log(`\n── notify action, job status ${status} (exit ${code}) ──`);
  process.stdout.write(out);
  console.log(`outputs: ${JSON.stringify(parseOutputs(readFileSync(outputFile, 'utf8')))}`);
}

const cli = await run('dist/cli/index.js', ['send', '-m', 'Nightly backup failed on demo-host', '-c', 'ops', '-g', 'cron,backup'], {
  APIALERTS_API_KEY: KEY,
  APIALERTS_SERVER_URL: serverUrl,
  APIALERTS_CONFIG_DIR: join(dir, 'config'),
});
console.log(`\n── apialerts send (cron line), exit ${cli.code} ──`);
process.stdout.write(cli.out);

console.log('\n── what the embedded API Alerts server received ──');
for (const r of received) console.log(`${r.integration}: ${JSON.stringify(r.event)}`);
const deployEvents = received.length;

// ── 2. Threshold alerts ────────────────────────────────────────────────────────────────────────
const NOW = Date.UTC(2026, 3, 26, 12, 0, 30);
// As `apialerts alerts add` would generate it: 32 bytes, 64 lowercase hex characters.
const HEX_SECRET = 'd3adbeef'.repeat(8);

// Two hours of mixed-format logs (pino, winston, logfmt): steady info/warn noise, a few errors, and
// a burst of 40 errors plus one fatal in the last five minutes.
const lines = [];
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const write = (ts, level, msg) => {
  const style = lines.length % 3;
  if (style === 0)
    lines.push(
      JSON.stringify({ level: { info: 30, warn: 40, error: 50, fatal: 60 }[level], time: ts, pid: 4242, hostname: 'shop-api-1', msg }),
    );
  else if (style === 1) lines.push(JSON.stringify({ level, message: msg, timestamp: new Date(ts).toISOString(), service: 'shop-api' }));
  else lines.push(`ts=${new Date(ts).toISOString()} level=${level} msg="${msg}" service=shop-api`);
};
for (let t = NOW - 2 * 3600_000; t < NOW; t += 2000) {
  write(t, rand() < 0.1 ? 'warn' : 'info', 'GET /api/cart 200');
  if (rand() < 0.004) write(t + 500, 'error', 'upstream timeout');
}
for (let i = 0; i < 40; i++) write(NOW - 280_000 + i * 6000, 'error', 'POST /api/checkout 502 payment gateway');
write(NOW - 60_000, 'fatal', 'database pool exhausted');
lines.sort((a, b) => ts(a) - ts(b));
function ts(line) {
  const m = /"time":(\d+)|"timestamp":"([^"]+)"|ts=(\S+)/.exec(line);
  return m[1] ? Number(m[1]) : Date.parse(m[2] ?? m[3]);
}
writeFileSync(join(dir, 'app.log'), lines.join('\n') + '\n');

// The embedded receivers.
const hooks = [];
const hookServer = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const krafter = verifySignature(raw, req.headers, HEX_SECRET, { scheme: 'krafter' });
    const standard = verifySignature(raw, req.headers, HEX_SECRET, { scheme: 'standard' });
    hooks.push({ raw: raw.toString(), headers: req.headers, krafter, standard });
    res.writeHead(krafter.ok && standard.ok ? 204 : 401).end();
  });
});
await new Promise((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
const mails = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, cb) {
    let data = '';
    stream.on('data', (c) => (data += c));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      cb();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));

writeFileSync(
  join(dir, 'alerts.yml'),
  `project: shop-api
delivery:
  email_from: alerts@shop.example
sources:
  - name: app
    path: app.log
rules:
  - id: f1e2d3c4-b5a6-4788-9c6d-5e4f3a2b1c0d
    name: High Error Rate
    level: error
    threshold: 10
    window_minutes: 5
    channels: [webhook, email]
    notify_email: ops@shop.example
    notify_webhook: http://127.0.0.1:${hookServer.address().port}/webhooks/alerts
    allow_http: true              # a local receiver; real ones must be https
    notify_webhook_secret_env: HIGH_ERROR_RATE_SECRET
    webhook_scheme: both          # the seed's x-krafter-* headers and Standard Webhooks
  - id: 0b6f8a52-3c1d-4e7a-9f20-6d5c4b3a2918
    name: Any fatal
    level: fatal
    threshold: 1
    window_minutes: 1
    channels: [apialerts]
    apialerts_channel: ops
  - id: 7d2e9c41-58ab-4f3e-b1c6-0a9e8d7f6c5b
    name: Warning flood
    level: warn
    threshold: 200
    window_minutes: 15
    channels: [email]
    notify_email: ops@shop.example
`,
);
const alertEnv = {
  HIGH_ERROR_RATE_SECRET: HEX_SECRET,
  SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
  APIALERTS_API_KEY: KEY,
  APIALERTS_SERVER_URL: serverUrl,
};
const evaluate = await run(
  'dist/cli/index.js',
  [
    'evaluate',
    '--rules',
    join(dir, 'alerts.yml'),
    '--state',
    join(dir, 'state.json'),
    '--now',
    new Date(NOW).toISOString(),
    '--allow-private-targets',
  ],
  alertEnv,
);
console.log(`\n── apialerts evaluate over ${lines.length} log lines (exit ${evaluate.code}) ──`);
process.stdout.write(evaluate.out);

console.log('\n── what the embedded webhook receiver got ──');
for (const h of hooks) {
  console.log(`POST ${h.raw}`);
  console.log(`  x-krafter-event: ${h.headers['x-krafter-event']} · x-krafter-webhook-id: ${h.headers['x-krafter-webhook-id']}`);
  console.log(
    `  ${h.krafter.ok ? '✓ verified' : '✗ INVALID'} x-krafter-signature (HMAC-SHA256 of the raw body)${h.krafter.reason ? `: ${h.krafter.reason}` : ''}`,
  );
  console.log(
    `  ${h.standard.ok ? '✓ verified' : '✗ INVALID'} webhook-signature (Standard Webhooks, id ${h.headers['webhook-id']})${h.standard.reason ? `: ${h.standard.reason}` : ''}`,
  );
}
console.log('\n── what the embedded SMTP server got ──');
for (const m of mails) {
  const subject = /^Subject: (.*)$/m.exec(m.data.replace(/\r\n[ \t]+/g, ' '))?.[1] ?? '';
  const text = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n----/.exec(m.data)?.[1]?.replace(/=\r\n/g, '') ?? '';
  console.log(
    `to ${m.to.join(', ')} · Subject: ${subject.replace(/=\?UTF-8\?Q\?(.*?)\?=/g, (_x, q) => q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (_y, h) => String.fromCharCode(parseInt(h, 16)))).replace(/\?= =\?/g, '')}`,
  );
  console.log(
    text
      .split('\r\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}
console.log('\n── what the API Alerts server got from the evaluator (push) ──');
for (const r of received.slice(deployEvents)) console.log(`${r.integration}: ${JSON.stringify(r.event)}`);

const backtest = await run(
  'dist/cli/index.js',
  ['backtest', '--rules', join(dir, 'alerts.yml'), '--last', '2h', '--to', new Date(NOW).toISOString()],
  alertEnv,
);
console.log(`\n── apialerts backtest --last 2h (exit ${backtest.code}) ──`);
process.stdout.write(backtest.out);

// ── 3. The alert lifecycle ───────────────────────────────────────────────────────────────────
// Six 5-minute slots: disk max 80, 92, 89, 91, 84, 80 % on web-1 (web-2 stays at 70 %);
// p95 latency 200, 950, 950, 700, 300, 200 ms.
const T1 = Date.UTC(2026, 3, 26, 13, 0, 0);
const diskPct = [80, 92, 89, 91, 84, 80];
const p95 = [200, 950, 950, 700, 300, 200];
const metrics = [];
diskPct.forEach((pct, k) => {
  for (let m = 0; m < 5; m++)
    for (const [host, used] of [
      ['web-1', pct - (m % 2)],
      ['web-2', 70],
    ])
      metrics.push({ level: 'info', time: T1 + k * 300_000 + m * 60_000 + 1000, host, disk_used_pct: used, msg: 'disk' });
  for (let j = 0; j < 20; j++)
    metrics.push({
      level: 'info',
      time: T1 + k * 300_000 + j * 10_000 + 2000,
      route: '/api/checkout',
      duration_ms: j < 18 ? 100 : p95[k],
      msg: 'request',
    });
});
metrics.sort((a, b) => a.time - b.time);
writeFileSync(join(dir, 'metrics.log'), metrics.map((m) => JSON.stringify(m)).join('\n') + '\n');
const hooksBefore = hooks.length;
// The two lifecycle rules exactly as examples/alerts.yml has them, delivering to the embedded receiver.
const example = parseYaml(readFileSync(new URL('../examples/alerts.yml', import.meta.url), 'utf8'));
const lifecycleRules = ['Disk almost full', 'Slow checkout'].map((name) => {
  const rule = example.rules.find((r) => r.name === name);
  if (!rule) throw new Error(`examples/alerts.yml has no rule "${name}"`);
  const kept = { ...rule };
  for (const k of ['notify_email', 'apialerts_channel', 'notify_webhook', 'notify_webhook_secret_env']) delete kept[k];
  return {
    ...kept,
    channels: ['webhook'],
    notify_webhook: `http://127.0.0.1:${hookServer.address().port}/webhooks/${name === 'Slow checkout' ? 'latency' : 'disk'}`,
    allow_http: true,
    notify_webhook_secret_env: 'HIGH_ERROR_RATE_SECRET',
    webhook_scheme: 'both',
  };
});
writeFileSync(
  join(dir, 'lifecycle.yml'),
  stringifyYaml({ project: 'shop-api', sources: [{ name: 'metrics', path: 'metrics.log' }], rules: lifecycleRules }),
);
console.log('\n── the alert lifecycle: apialerts evaluate at six ticks, one state file ──');
const lifeRuns = [];
for (let k = 1; k <= 6; k++) {
  const r = await run(
    'dist/cli/index.js',
    [
      'evaluate',
      '--rules',
      join(dir, 'lifecycle.yml'),
      '--state',
      join(dir, 'lifecycle-state.json'),
      '--now',
      new Date(T1 + k * 300_000 + 20_000).toISOString(),
      '--allow-private-targets',
    ],
    alertEnv,
  );
  lifeRuns.push(r.code);
  console.log(`tick ${k} (disk ${diskPct[k - 1]} %, p95 ${p95[k - 1]} ms), exit ${r.code}`);
  process.stdout.write(
    r.out
      .split('\n')
      .filter((l) => /FIRING|PENDING|RESOLVED|delivered|failed/.test(l))
      .map((l) => `${l}\n`)
      .join(''),
  );
}
const lifeHooks = hooks.slice(hooksBefore);
console.log('\n── what the receiver got from the lifecycle rules ──');
for (const h of lifeHooks) {
  console.log(`${h.headers['x-krafter-event']} ${h.raw}`);
  console.log(`  ${h.krafter.ok && h.standard.ok ? '✓ verified (both schemes)' : '✗ INVALID'}`);
}
const lifeEvents = lifeHooks.map((h) => `${JSON.parse(h.raw).alert_name}: ${h.headers['x-krafter-event']}`);

server.close();
hookServer.close();
smtp.close();
rmSync(dir, { recursive: true, force: true });
const pushed = received.slice(deployEvents).filter((r) => r.integration === 'apialerts-evaluate').length;
const checks = [
  [deployEvents === 3, `${deployEvents} of 3 deploy/cron events delivered`],
  [evaluate.code === 0, `evaluate exited ${evaluate.code}`],
  [hooksBefore === 1 && hooks[0].krafter.ok && hooks[0].standard.ok, `${hooksBefore} verified webhook(s), expected 1`],
  [mails.length === 1, `${mails.length} email(s), expected 1`],
  [pushed === 1, `${pushed} push event(s), expected 1`],
  [backtest.code === 0, `backtest exited ${backtest.code}`],
  [lifeRuns.every((c) => c === 0), `lifecycle evaluate exits ${lifeRuns.join(',')}`],
  [
    JSON.stringify(lifeEvents) ===
      JSON.stringify([
        'Disk almost full: alert.triggered',
        'Slow checkout: alert.triggered',
        'Disk almost full: alert.resolved',
        'Slow checkout: alert.resolved',
      ]) &&
      lifeHooks.every((h) => h.krafter.ok && h.standard.ok) &&
      lifeHooks.filter((h) => h.headers['x-krafter-event'] === 'alert.resolved').every((h) => JSON.parse(h.raw).resolved_at) &&
      // The disk rule is grouped by host: the fire and the resolve are web-1's; web-2 (70 %) never fired.
      lifeHooks.filter((h) => JSON.parse(h.raw).alert_name === 'Disk almost full').every((h) => JSON.parse(h.raw).group?.host === 'web-1'),
    `lifecycle webhooks: ${JSON.stringify(lifeEvents)}, expected a verified fire and resolve for each rule (disk: host web-1)`,
  ],
];
const failed = checks.filter(([ok]) => !ok);
console.log(
  failed.length === 0
    ? '\ndemo ok: 3 deploy events, 1 verified signed webhook, 1 email, 1 push, backtest done; lifecycle: 2 verified fires and 2 verified resolves'
    : `\ndemo FAILED: ${failed.map(([, why]) => why).join('; ')}`,
);
process.exit(failed.length === 0 ? 0 : 1);
