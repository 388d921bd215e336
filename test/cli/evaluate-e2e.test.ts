// Runs the BUILT CLI's `evaluate` and `backtest` as processes, the way a cron line or the scheduled
// workflow does, over real files and a real local webhook receiver.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { renderLine } from '../helpers/log-lines.js';
import { ROOT, builtBundle, runNode, tempDir } from '../events/support.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const SECRET = 'a'.repeat(32) + '0123456789abcdef0123456789abcdef';
const RULE_ID = '11111111-2222-4333-8444-555555555555';

let dir: string;
let receiver: TestServer | undefined;
beforeEach(() => {
  dir = tempDir('evaluate-e2e-');
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** 12 errors in the 5 minutes before T0, a few other lines, and two unreadable ones. */
function writeLogs(): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(renderLine({ ts: T0 - (i * 20_000 + 1000), level: 'error' }, i));
  lines.push(renderLine({ ts: T0 - 30_000, level: 'info' }, 1), 'not a log line', '{"level":"error"}');
  const path = join(dir, 'app.log');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function writeRules(webhook = 'https://hooks.example.com/alerts', extra: Record<string, unknown> = {}): string {
  const path = join(dir, 'alerts.yml');
  writeFileSync(
    path,
    stringify({
      project: 'shop',
      sources: [{ name: 'app', path: 'app.log' }],
      rules: [
        {
          id: RULE_ID,
          name: 'High Error Rate',
          level: 'error',
          threshold: 10,
          window_minutes: 5,
          channels: ['webhook'],
          notify_webhook: webhook,
          notify_webhook_secret_env: 'HOOK_SECRET',
          allow_http: webhook.startsWith('http:'),
          ...extra,
        },
      ],
    }),
  );
  return path;
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  runNode(builtBundle('cli'), args, { APIALERTS_RETRY_BASE_MS: '10', HOOK_SECRET: SECRET, ...env });

describe('apialerts evaluate (built CLI)', () => {
  it('--dry-run prints what fired with the count, the unreadable lines, and saves no state; no progress output off a terminal', async () => {
    writeLogs();
    const rules = writeRules();
    const state = join(dir, 'state.json');
    const r = await cli(['evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26T12:02:00Z', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shop: tick 2026-04-26T12:00:00Z');
    expect(r.stdout).toContain('FIRED  High Error Rate (error >= 10 in 5 min): 2026-04-26T12:00:00Z (12)');
    expect(r.stdout).toMatch(/source .*app\.log: 15 lines, 2 unreadable \(e\.g\. "not a log line"\)/);
    expect(r.stdout).toContain('dry run: nothing delivered, state not saved');
    expect(existsSync(state)).toBe(false);
  });

  it('--json prints the report for machines', async () => {
    writeLogs();
    const r = await cli([
      'evaluate',
      '--rules',
      writeRules(),
      '--state',
      join(dir, 's.json'),
      '--now',
      '2026-04-26T12:00:00Z',
      '--dry-run',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.decisions).toEqual([
      {
        rule_id: RULE_ID,
        rule_name: 'High Error Rate',
        level: 'error',
        threshold: 10,
        window_minutes: 5,
        match_count: 12,
        triggered_at: '2026-04-26T12:00:00Z',
      },
    ]);
    expect(report.rules[0].counts).toEqual([12]);
    expect(report.stats[0]).toMatchObject({ linesRead: 15, unreadable: 2 });
  });

  it('bad input exits 2 naming what was wrong: a missing rule field, a corrupt state file, a bad --now, an unknown flag', async () => {
    writeLogs();
    const rules = join(dir, 'alerts.yml');
    writeFileSync(
      rules,
      stringify({
        project: 'p',
        sources: [{ name: 'a', path: 'app.log' }],
        rules: [{ id: RULE_ID, name: 'Spike', level: 'error', window_minutes: 5, channels: ['email'], notify_email: 'a@b.co' }],
      }),
    );
    const missing = await cli(['evaluate', '--rules', rules, '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/rule file .*alerts\.yml is invalid:\n  - rules\[0\] "Spike" → threshold/);

    writeRules();
    const state = join(dir, 'state.json');
    writeFileSync(state, '{"version":1,');
    const corrupt = await cli(['evaluate', '--rules', rules, '--state', state]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(/state file .*state\.json is not valid JSON/);
    expect(readFileSync(state, 'utf8')).toBe('{"version":1,');

    const badNow = await cli(['evaluate', '--rules', rules, '--now', 'yesterday', '--dry-run']);
    expect([badNow.code, badNow.stderr]).toEqual([2, expect.stringContaining('--now must be an ISO 8601 time')]);
    const unknownFlag = await cli(['evaluate', '--rulez', rules]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/unknown option '--rulez'/);
    const noSource = await cli(['evaluate', '--rules', rules, '--logs', join(dir, 'nope-*.log'), '--dry-run']);
    expect([noSource.code, noSource.stderr]).toEqual([2, expect.stringMatching(/log source "logs-1": no file matches .*nope-\*\.log/)]);
  });

  it('reads stdin with --logs -', async () => {
    const lines = [0, 1, 2].map((i) => renderLine({ ts: T0 - i * 1000, level: 'fatal' }, i)).join('\n');
    const rules = writeRules('https://hooks.example.com/a', { level: 'fatal', threshold: 3 });
    const r = await runNode(
      builtBundle('cli'),
      ['evaluate', '--rules', rules, '--logs', '-', '--now', '2026-04-26T12:00:00Z', '--dry-run', '--json'],
      {},
      lines,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).decisions[0].match_count).toBe(3);
  });
});

describe('plain-text logs (built CLI)', () => {
  it('python-logging on stdin: detected, the same count under any TZ, the assumed zone on stderr; --timezone moves it; --on-unreadable error exits 2', async () => {
    const rules = writeRules('https://hooks.example.com/a', { threshold: 3 });
    const text = [0, 1, 2].map((i) => `2026-04-26 11:5${7 + i}:00 ERROR payment failed ${i}`).join('\n') + '\n';
    const args = ['evaluate', '--rules', rules, '--logs', '-', '--now', '2026-04-26T12:00:00Z', '--dry-run'];
    for (const TZ of ['UTC', 'America/New_York']) {
      const r = await runNode(builtBundle('cli'), args, { TZ }, text);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('FIRED  High Error Rate (error >= 3 in 5 min): 2026-04-26T12:00:00Z (3)');
      expect(r.stdout).toContain('source stdin: 3 lines; format python-logging (detected)');
      expect(r.stderr).toContain('warning: log source stdin: 3 timestamps without a zone read as UTC');
    }
    const east = await runNode(builtBundle('cli'), [...args, '--timezone', '+01:00'], {}, text);
    expect(east.stdout).toContain('ok     High Error Rate (error >= 3 in 5 min): 0');
    expect(east.stderr).toBe('');
    const bad = await runNode(builtBundle('cli'), [...args, '--on-unreadable', 'error'], {}, '11:58 E boom\n11:59 E boom\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /log source "logs-1" \(stdin\): most of the first lines could not be read \(formats tried: docker, json, logfmt.*e\.g\. "11:58 E boom"/,
    );
  });
});

describe('apialerts evaluate delivering (built CLI)', () => {
  it('delivers to a real receiver and saves state (exit 0); a receiver that always fails gives exit 3 with the state still saved', async () => {
    writeLogs();
    receiver = await startServer((req, res) => {
      res.writeHead(req.url === '/ok' ? 204 : 500);
      res.end();
    });
    const state = join(dir, 'state.json');
    const ok = await cli([
      'evaluate',
      '--rules',
      writeRules(`${receiver.url}/ok`),
      '--state',
      state,
      '--now',
      '2026-04-26T12:00:00Z',
      '--allow-private-targets',
    ]);
    expect(ok.stderr).toBe('');
    expect([ok.code, ok.stdout]).toEqual([
      0,
      expect.stringMatching(/delivered webhook for High Error Rate at 2026-04-26T12:00:00Z \(1 attempt HTTP 204\)/),
    ]);
    expect(receiver.requests).toHaveLength(1);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.last_evaluated_at).toBe('2026-04-26T12:00:00Z');
    expect(saved.rules[RULE_ID]).toEqual({ last_triggered_at: '2026-04-26T12:00:00Z' });
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    const failing = await cli([
      'evaluate',
      '--rules',
      writeRules(`${receiver.url}/fail`),
      '--state',
      join(dir, 'other.json'),
      '--now',
      '2026-04-26T12:00:00Z',
      '--allow-private-targets',
      '--json',
    ]);
    expect(failing.code).toBe(3);
    const report = JSON.parse(failing.stdout);
    expect(report.outcomes).toEqual([expect.objectContaining({ channel: 'webhook', status: 'failed', attempts: 3, http_status: 500 })]);
    expect(JSON.parse(readFileSync(join(dir, 'other.json'), 'utf8')).webhooks[RULE_ID].consecutive_failures).toBe(1);
    expect(failing.stdout + failing.stderr).not.toContain(SECRET);
  });

  it('is at-least-once: a process killed while delivering leaves the state as it was, and the next run delivers the alert', async () => {
    writeLogs();
    let hang = true;
    receiver = await startServer((_req, res) => {
      if (hang) return; // never answers: the run is killed while waiting
      res.writeHead(200);
      res.end();
    });
    const rules = writeRules(`${receiver.url}/hook`);
    const state = join(dir, 'state.json');
    const before = JSON.stringify({ version: 1, last_evaluated_at: '2026-04-26T11:55:00Z', rules: {}, webhooks: {} });
    writeFileSync(state, before);
    const child = spawn(
      process.execPath,
      [builtBundle('cli'), 'evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26T12:01:00Z', '--allow-private-targets'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOOK_SECRET: SECRET },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (receiver.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    expect(readFileSync(state, 'utf8')).toBe(before);

    hang = false;
    const next = await cli(['evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26T12:03:00Z', '--allow-private-targets']);
    expect(next.code).toBe(0);
    expect(receiver.requests.map((r) => JSON.parse(r.rawBody.toString()).triggered_at)).toEqual([
      '2026-04-26T12:00:00Z',
      '2026-04-26T12:00:00Z',
    ]);
    // The same stable event id both times, so the receiver can drop the duplicate.
    expect(new Set(receiver.requests.map((r) => r.headers['x-krafter-event-id'])).size).toBe(1);
    expect(JSON.parse(readFileSync(state, 'utf8')).last_evaluated_at).toBe('2026-04-26T12:00:00Z');
  });
});

describe('apialerts backtest (built CLI)', () => {
  it('replays a day on the tick grid and prints when the rule would have fired, with counts', async () => {
    const lines: string[] = [];
    // Two bursts of 15 errors, an hour apart, over a quiet background.
    for (const burst of [T0 + 60 * MIN, T0 + 120 * MIN])
      for (let i = 0; i < 15; i++) lines.push(renderLine({ ts: burst - i * 10_000 - 1, level: 'error' }, i));
    for (let m = 0; m < 240; m += 7) lines.push(renderLine({ ts: T0 + m * MIN + 3, level: 'error' }, m));
    writeFileSync(join(dir, 'app.log'), lines.join('\n'));
    const rules = writeRules();
    const r = await cli(['backtest', '--rules', rules, '--from', '2026-04-26T12:00:00Z', '--to', '2026-04-26T16:00:00Z']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shop: backtest 2026-04-26T12:00:00Z … 2026-04-26T16:00:00Z, 48 ticks every 5 min');
    expect(r.stdout).toMatch(
      /High Error Rate \(error >= 10 in 5 min\): fired 2 times, peak 16 at 2026-04-26T13:00:00Z\n  2026-04-26T13:00:00Z  16\n  2026-04-26T14:00:00Z  16\n/,
    );

    const json = await cli(['backtest', '--rules', rules, '--last', '4h', '--to', '2026-04-26T16:00:00Z', '--json']);
    const report = JSON.parse(json.stdout);
    expect(report.ticks).toHaveLength(48);
    expect(report.fires.map((f: { triggered_at: string }) => f.triggered_at)).toEqual(['2026-04-26T13:00:00Z', '2026-04-26T14:00:00Z']);

    const both = await cli(['backtest', '--rules', rules, '--from', '2026-04-26T12:00:00Z', '--last', '1h']);
    expect([both.code, both.stderr]).toEqual([2, 'Error: give either --from or --last, not both\n']);
    const badLast = await cli(['backtest', '--rules', rules, '--last', 'a week']);
    expect([badLast.code, badLast.stderr]).toEqual([2, expect.stringContaining('--last must be a duration like 90m, 24h or 7d')]);
  });
});
