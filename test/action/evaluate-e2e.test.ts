// The BUILT evaluate action (dist/evaluate/index.js) run as the runner runs it — INPUT_* env,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, secrets in env — over several simulated scheduled
// runs with the state file carried between them, against a real webhook receiver and SMTP server.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { verifySignature } from '../../src/deliver/verify.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { renderLine } from '../helpers/log-lines.js';
import { ROOT, builtBundle, parseOutputs, runNode, tempDir, type ProcessResult } from '../events/support.js';
import { SMTP_PASSWORD, startSmtp, type TestSmtp } from '../deliver/support.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const at = (m: number) => new Date(T0 + m * MIN).toISOString().replace('.000Z', 'Z');
const SECRET = '0123456789abcdef'.repeat(4);
const WEBHOOK_RULE = '6a1f0c2e-4b3d-4e5f-8a7b-9c0d1e2f3a4b';

let hook: TestServer;
let smtp: TestSmtp;
let hang = false;
let fail = false;
beforeAll(async () => {
  hook = await startServer((_req, res) => {
    if (hang) return;
    res.writeHead(fail ? 500 : 200);
    res.end();
  });
  smtp = await startSmtp();
});
afterAll(async () => {
  await hook.close();
  await smtp.close();
});

/** Error bursts of 12 entries ending just before minutes 0, 14 and 33; info noise; two unreadable lines. */
function writeLogs(dir: string): void {
  const lines: string[] = [];
  for (const end of [0, 14, 33])
    for (let i = 0; i < 12; i++) lines.push(renderLine({ ts: T0 + end * MIN - (i + 1) * 7_000, level: 'error' }, i));
  for (let m = -30; m < 60; m += 3) lines.push(renderLine({ ts: T0 + m * MIN, level: 'info' }, m + 30));
  lines.push('garbage', '{"level":"error"}');
  writeFileSync(join(dir, 'app.log'), lines.join('\n') + '\n');
}

function writeRules(dir: string): void {
  writeFileSync(
    join(dir, 'alerts.yml'),
    stringify({
      project: 'shop <api>',
      delivery: { email_from: 'alerts@shop.example' },
      sources: [{ name: 'app', path: 'app.log' }],
      rules: [
        {
          id: WEBHOOK_RULE,
          name: 'High Error Rate | checkout',
          level: 'error',
          threshold: 10,
          window_minutes: 10,
          channels: ['webhook', 'email'],
          notify_webhook: `${hook.url}/alerts`,
          allow_http: true,
          notify_webhook_secret_env: 'HIGH_ERROR_RATE_SECRET',
          notify_email: 'ops@shop.example',
        },
        {
          id: '7b2e1d3f-5c4a-4f6e-9b8c-0d1e2f3a4b5c',
          name: 'Fatal',
          level: 'fatal',
          threshold: 1,
          window_minutes: 5,
          channels: ['email'],
          notify_email: 'ops@shop.example',
        },
      ],
    }),
  );
}

interface Run {
  result: ProcessResult;
  outputs: Record<string, string>;
  summary: string;
}

function envFor(dir: string, now: string, inputs: Record<string, string>) {
  const out = join(dir, 'output.txt');
  const summary = join(dir, 'summary.md');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  return {
    out,
    summary,
    env: {
      INPUT_RULES: join(dir, 'alerts.yml'),
      INPUT_STATE: join(dir, 'cache', 'state.json'),
      INPUT_NOW: now,
      INPUT_ALLOW_PRIVATE_TARGETS: 'true',
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      HIGH_ERROR_RATE_SECRET: SECRET,
      SMTP_URL: smtp.url,
      APIALERTS_RETRY_BASE_MS: '5',
      ...inputs,
    },
  };
}

async function runAction(dir: string, now: string, inputs: Record<string, string> = {}): Promise<Run> {
  const { out, summary, env } = envFor(dir, now, inputs);
  const result = await runNode(builtBundle('evaluate'), [], env);
  return { result, outputs: parseOutputs(out), summary: readFileSync(summary, 'utf8') };
}

const firedAt = (r: Run) =>
  JSON.parse(r.outputs.fired ?? '[]').map(
    (f: { rule_name: string; triggered_at: string; match_count: number }) => `${f.triggered_at} ${f.match_count}`,
  );

describe('the evaluate action over scheduled runs', () => {
  it('fires, dedups, catches up after skipped runs exactly once, survives an evicted cache and a crash mid-run', async () => {
    const dir = tempDir('evaluate-action-');
    writeLogs(dir);
    writeRules(dir);
    const state = join(dir, 'cache', 'state.json');
    const mails = () => smtp.mails.filter((m) => m.decoded.includes('High Error Rate')).length;

    // 1. First run, no state: evaluates "now" only; the burst before 12:00 fires.
    const r1 = await runAction(dir, at(1));
    expect(r1.result.code).toBe(0);
    expect(firedAt(r1)).toEqual([`${at(0)} 12`]);
    expect(r1.outputs).toMatchObject({
      fired_count: '1',
      deliveries_failed: '0',
      ticks: JSON.stringify([at(0)]),
      unreadable_lines: '2',
      state_saved: 'true',
    });
    expect(JSON.parse(r1.outputs.outcomes!).map((o: { channel: string; status: string }) => `${o.channel} ${o.status}`)).toEqual([
      'webhook delivered',
      'email delivered',
    ]);
    expect(hook.requests).toHaveLength(1);
    expect(verifySignature(hook.requests[0]!.rawBody, hook.requests[0]!.headers, SECRET)).toEqual({ ok: true, scheme: 'krafter' });
    expect(mails()).toBe(1);
    // The summary: escaped user text, a table row per rule, a Mermaid timeline, the sources.
    expect(r1.summary).toContain('## 🔔 Threshold alerts: shop &lt;api&gt;');
    expect(r1.summary).toContain(
      '| High Error Rate \\| checkout | error | ≥ 10 | 10 min | 12 | 12 | 🔴 12:00 (12) | ✅ webhook<br>✅ email |',
    );
    expect(r1.summary).toContain('| Fatal | fatal | ≥ 1 | 5 min | 0 | 0 | no | — |');
    // A first run evaluates one tick; its chart shows the 23 ticks before it too, counted from the logs.
    const block = /```mermaid\n%%\{init: .*\}%%\nxychart-beta\n([\s\S]*?)\n```/.exec(r1.summary)?.[1] ?? '';
    expect(block).toContain('  title "High Error Rate | checkout: error entries per 10 min, threshold 10"');
    expect(block).toMatch(/\n {2}x-axis \[("\d\d:\d\d", ){23}"12:00"\]/);
    expect(block).toMatch(/\n {2}bar \[(0, ){23}12\]/); // fired: red
    expect(block).toMatch(/\n {2}line \[10(, 10){23}\]/); // the threshold across every tick
    expect(r1.summary).toContain('The last 24 ticks (the last is this run’s; the earlier ones counted from the logs again)');
    expect(r1.result.stdout).toMatch(/::warning::2 of \d+ lines in .*app\.log could not be read/);

    // 2. On time, 5 minutes later: the burst is still in the window, but it fired 5 < 10 minutes ago.
    const r2 = await runAction(dir, at(5));
    expect([r2.result.code, r2.outputs.fired_count, r2.outputs.ticks]).toEqual([0, '0', JSON.stringify([at(5)])]);

    // 3. Runs at :10, :15, :20 dropped by the scheduler; the :25 run catches up on every tick and fires once.
    const r3 = await runAction(dir, at(25));
    expect(r3.outputs.ticks).toBe(JSON.stringify([at(10), at(15), at(20), at(25)]));
    expect(firedAt(r3)).toEqual([`${at(15)} 12`]);
    expect(hook.requests).toHaveLength(2);
    // Catch-up: its 4 ticks after 20 earlier ones; fired at 12:15 (red), held back by dedup at 12:20 (amber);
    // the earlier fire at 12:00 replayed from the logs, 12:05 held back as the run at :05 found.
    expect(r3.summary).toMatch(
      /x-axis \[("\d\d:\d\d", ){18}"12:00", "12:05", "12:10", "12:15", "12:20", "12:25"\]\n {2}y-axis "error entries per 10 min" 0 --> 14\n/,
    );
    expect(r3.summary).toMatch(/\n {2}bar \[(0, ){18}12, 0, 0, 12, 0, 0\]\n {2}bar \[(0, ){18}0, 12, 0, 0, 12, 0\]\n/);

    // 4. The cache was evicted: an empty state evaluates now only, no crash, nothing old re-fires.
    rmSync(state);
    const r4 = await runAction(dir, at(30));
    expect([r4.result.code, r4.outputs.ticks, r4.outputs.fired_count]).toEqual([0, JSON.stringify([at(30)]), '0']);
    expect(JSON.parse(readFileSync(state, 'utf8')).last_evaluated_at).toBe(at(30));

    // 5. A crash mid-run (the job is cancelled while the receiver hangs): the state is as before…
    const before = readFileSync(state, 'utf8');
    hang = true;
    const { env } = envFor(dir, at(35), {});
    const child = spawn(process.execPath, [builtBundle('evaluate')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('exit', r));
    while (hook.requests.length < 3) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    hang = false;
    expect(readFileSync(state, 'utf8')).toBe(before);
    // …and the next run decides the :35 tick again and delivers it (at-least-once), with the same event id.
    const r6 = await runAction(dir, at(41));
    expect(r6.outputs.ticks).toBe(JSON.stringify([at(35), at(40)]));
    expect(firedAt(r6)).toEqual([`${at(35)} 12`]);
    expect(hook.requests.slice(2).map((r) => r.headers['x-krafter-event-id'])).toEqual([
      hook.requests[2]!.headers['x-krafter-event-id'],
      hook.requests[2]!.headers['x-krafter-event-id'],
    ]);
    expect(hook.requests).toHaveLength(4);

    // No secret anywhere: outputs, summaries, logs, the state file.
    for (const r of [r1, r2, r3, r4, r6]) {
      // ::add-mask:: is how the runner learns what to hide; it never reaches the visible log.
      const log = r.result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      const everything = JSON.stringify(r.outputs) + r.summary + log + r.result.stderr;
      expect(everything).not.toContain(SECRET);
      expect(everything).not.toContain(SMTP_PASSWORD);
    }
    expect(readFileSync(state, 'utf8')).not.toContain(SECRET);
    expect(r1.result.stdout).toContain(`::add-mask::${SECRET}`);
  });

  it('failed deliveries annotate and fail the step (exit 3) with the state saved; fail_on_delivery_error false keeps it green', async () => {
    const dir = tempDir('evaluate-action-fail-');
    writeLogs(dir);
    writeRules(dir);
    fail = true;
    try {
      const r = await runAction(dir, at(1));
      expect(r.result.code).toBe(3);
      expect(r.outputs).toMatchObject({ deliveries_failed: '1', state_saved: 'true' });
      expect(r.result.stdout).toMatch(
        /::error::webhook delivery for "High Error Rate \| checkout" at 2026-04-26T12:00:00Z failed after 3 attempt\(s\): HTTP 500/,
      );
      expect(r.summary).toContain('❌ webhook (HTTP 500)');
      expect(JSON.parse(readFileSync(join(dir, 'cache', 'state.json'), 'utf8')).webhooks[WEBHOOK_RULE].consecutive_failures).toBe(1);
      const lenient = await runAction(tempDir('evaluate-action-lenient-'), at(1), {
        INPUT_RULES: join(dir, 'alerts.yml'),
        INPUT_STATE: join(dir, 'other.json'),
        INPUT_FAIL_ON_DELIVERY_ERROR: 'false',
      });
      expect([lenient.result.code, lenient.outputs.deliveries_failed]).toEqual([0, '1']);
    } finally {
      fail = false;
    }
  });

  it('bad input fails the step with an error annotation naming the problem, and a dry run saves nothing', async () => {
    const dir = tempDir('evaluate-action-bad-');
    writeLogs(dir);
    writeRules(dir);
    const missing = await runAction(dir, at(1), { INPUT_RULES: join(dir, 'nope.yml') });
    expect(missing.result.code).toBe(2);
    expect(missing.result.stdout).toMatch(/::error::cannot read rule file .*nope\.yml/);
    expect(missing.outputs.state_saved).toBe('false');
    const badBool = await runAction(dir, at(1), { INPUT_DRY_RUN: 'yes' });
    expect([badBool.result.code, badBool.result.stdout]).toEqual([
      2,
      expect.stringContaining('::error::input dry_run: expected true or false, got "yes"'),
    ]);
    const badSummary = await runAction(dir, at(1), { INPUT_SUMMARY: 'yes' });
    expect([badSummary.result.code, badSummary.result.stdout]).toEqual([
      2,
      expect.stringContaining('::error::input summary: expected true or false, got "yes"'),
    ]);
    expect(existsSync(join(dir, 'cache', 'state.json'))).toBe(false);
    // A bare % in a URL password (not an escape) is masked as written; it does not stop the run.
    const dry = await runAction(dir, at(1), { INPUT_DRY_RUN: 'true', SMTP_URL: 'smtp://alerts:50%off-%zz@127.0.0.1:1?requireTLS=false' });
    expect(dry.result.stdout).toContain('::add-mask::50%25off-%25zz\n'); // % is escaped in workflow commands
    expect([dry.result.code, dry.outputs.fired_count, dry.outputs.state_saved]).toEqual([0, '1', 'false']);
    expect(dry.summary).toContain('(dry run)');
    expect(existsSync(join(dir, 'cache', 'state.json'))).toBe(false);
  });
});
