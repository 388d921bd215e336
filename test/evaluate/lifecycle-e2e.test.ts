// The lifecycle through runEvaluation: real rule files, log files, state files and a real receiver.
import crypto from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { runEvaluation } from '../../src/evaluate/run.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

const SECRET = '5f2b1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c';
const PLAIN = '00000000-0000-4000-8000-000000000001';
const LIFE = '00000000-0000-4000-8000-000000000002';
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

let dir: string;
let servers: TestServer[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifecycle-e2e-'));
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await rm(dir, { recursive: true, force: true });
});

/** Error entries: `perTick[k]` entries in the 5 minutes before tick k+1 (T0 + 5(k+1) min). */
async function writeLog(perTick: number[]) {
  const lines: string[] = [];
  perTick.forEach((n, k) => {
    for (let j = 0; j < n; j++) lines.push(JSON.stringify({ level: 'error', time: T0 + k * 5 * MIN + (j + 1) * 1000, msg: 'x' }));
  });
  await writeFile(join(dir, 'app.log'), lines.join('\n') + '\n');
}

async function writeRules(url: string, rules: Record<string, unknown>[]) {
  const file = {
    project: 'shop',
    delivery: { allow_private_targets: true },
    sources: [{ name: 'app', path: 'app.log' }],
    rules: rules.map((r) => ({
      level: 'error',
      window_minutes: 5,
      channels: ['webhook'],
      notify_webhook: `${url}/${String(r.id).slice(-1)}`,
      notify_webhook_secret_env: 'HOOK_SECRET',
      allow_http: true,
      ...r,
    })),
  };
  await writeFile(join(dir, 'alerts.yml'), stringify(file));
}

const run = (k: number) =>
  runEvaluation({
    rulesPath: join(dir, 'alerts.yml'),
    statePath: join(dir, 'state.json'),
    now: new Date(T0 + k * 5 * MIN + 30_000),
    dryRun: false,
    env: { HOOK_SECRET: SECRET },
    deliverer: createDeliverer({ allowPrivateTargets: true, retryBaseMs: 1, timeoutMs: 2000 }),
  });
const state = async () => JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
const verify = (raw: Buffer, sig: unknown) => 'sha256=' + crypto.createHmac('sha256', SECRET).update(raw).digest('hex') === sig;

describe('lifecycle rules in evaluate', () => {
  it('pending, fire, hold in the band, resolve below the recovery threshold: the receiver sees one fire and one signed resolve', async () => {
    const s = await startServer((_q, res) => {
      res.end();
    });
    servers.push(s);
    // counts per tick: 12, 12 (fires at the 2nd), 9 (hold: ≥ recovery 5), 3 (resolves), 0
    await writeLog([12, 12, 9, 3, 0]);
    await writeRules(s.url, [{ id: LIFE, name: 'Errors', threshold: 10, recovery_threshold: 5, pending_ticks: 2 }]);
    const firing: unknown[] = [];
    for (let k = 1; k <= 5; k++) {
      const r = await run(k);
      firing.push(r.lifecycle?.firing.map((f) => [f.status, f.since]));
      if (k === 2)
        expect((await state()).rules[LIFE].instances['[]']).toMatchObject({
          status: 'firing',
          since: iso(T0 + 10 * MIN),
          fire_delivered: true,
          last_value: 12,
        });
      if (k === 4)
        expect(r.lifecycle?.resolved).toEqual([
          { rule_id: LIFE, rule_name: 'Errors', fired_at: iso(T0 + 10 * MIN), resolved_at: iso(T0 + 20 * MIN), value: 3, notified: true },
        ]);
    }
    expect(firing).toEqual([[['pending', iso(T0 + 5 * MIN)]], [['firing', iso(T0 + 10 * MIN)]], [['firing', iso(T0 + 10 * MIN)]], [], []]);
    expect(s.requests.map((q) => q.headers['x-krafter-event'])).toEqual(['alert.triggered', 'alert.resolved']);
    expect(s.requests.every((q) => verify(q.rawBody, q.headers['x-krafter-signature']))).toBe(true);
    expect(JSON.parse(s.requests[1]!.rawBody.toString())).toEqual({
      alert_id: LIFE,
      alert_name: 'Errors',
      level: 'error',
      match_count: 12,
      window_minutes: 5,
      triggered_at: iso(T0 + 10 * MIN),
      resolved_at: iso(T0 + 20 * MIN),
      value: 3,
    });
    // ok again: nothing left to store, and the state is a version 1 file
    const final = await state();
    expect(final.version).toBe(1);
    expect(final.rules[LIFE]).toEqual({ last_triggered_at: iso(T0 + 10 * MIN) });
  });

  it('a fire that was not delivered is retried while firing; a resolve is never sent for an incident whose fire never got through', async () => {
    let healthy = false;
    const s = await startServer((_q, res) => {
      res.writeHead(healthy ? 200 : 500);
      res.end();
    });
    servers.push(s);
    await writeLog([12, 12, 12, 0, 0, 12, 0]);
    await writeRules(s.url, [{ id: LIFE, name: 'Errors', threshold: 10, notify_resolved: true }]);
    await run(1); // fire fails (3 attempts)
    expect((await state()).rules[LIFE].instances['[]']).toMatchObject({ status: 'firing', fire_delivered: false });
    healthy = true;
    await run(2); // retried: delivered
    expect((await state()).rules[LIFE].instances['[]']).toMatchObject({
      status: 'firing',
      fire_delivered: true,
      last_triggered_at: iso(T0 + 10 * MIN),
    });
    await run(3); // still firing: nothing sent
    const r4 = await run(4); // resolves: sent
    expect(r4.lifecycle?.resolved[0]).toMatchObject({ notified: true, fired_at: iso(T0 + 10 * MIN) });
    healthy = false;
    await run(5);
    await run(6); // fires again; delivery fails
    healthy = true;
    const r7 = await run(7); // recovered before any fire got through: resolve suppressed
    expect(r7.lifecycle?.resolved[0]).toMatchObject({ notified: false, reason: 'the fire was never delivered' });
    const events = s.requests.map((q) => [q.headers['x-krafter-event'], JSON.parse(q.rawBody.toString()).triggered_at]);
    expect(events.filter((_, i) => s.requests[i]!.headers['x-krafter-event'] === 'alert.resolved')).toEqual([
      ['alert.resolved', iso(T0 + 10 * MIN)],
    ]);
  });

  it('a rule without lifecycle fields decides, delivers and stores byte for byte as before, beside a lifecycle rule', async () => {
    const s = await startServer((_q, res) => {
      res.end();
    });
    servers.push(s);
    await writeLog([12, 12, 12, 3]);
    // alone (what today does), then again beside a lifecycle rule
    const plainOnly = async () => {
      await writeRules(s.url, [{ id: PLAIN, name: 'High Error Rate', threshold: 10, window_minutes: 10 }]);
      for (let k = 1; k <= 4; k++) await run(k);
      return readFile(join(dir, 'state.json'), 'utf8');
    };
    const alone = await plainOnly();
    const aloneBodies = s.requests.map((q) => q.rawBody.toString());
    expect(aloneBodies).toEqual([
      `{"alert_id":"${PLAIN}","alert_name":"High Error Rate","level":"error","match_count":12,"window_minutes":10,"triggered_at":"${iso(T0 + 5 * MIN)}"}`,
      `{"alert_id":"${PLAIN}","alert_name":"High Error Rate","level":"error","match_count":24,"window_minutes":10,"triggered_at":"${iso(T0 + 15 * MIN)}"}`,
    ]);
    expect(alone).toBe(
      JSON.stringify(
        {
          version: 1,
          last_evaluated_at: iso(T0 + 20 * MIN),
          rules: { [PLAIN]: { last_triggered_at: iso(T0 + 15 * MIN) } },
          webhooks: {
            [PLAIN]: {
              url_sha256: crypto.createHash('sha256').update(`${s.url}/1`).digest('hex'),
              active: true,
              consecutive_failures: 0,
              disabled_at: null,
            },
          },
        },
        null,
        2,
      ) + '\n',
    );
    await rm(join(dir, 'state.json'));
    s.requests.length = 0;
    await writeRules(s.url, [
      { id: PLAIN, name: 'High Error Rate', threshold: 10, window_minutes: 10 },
      { id: LIFE, name: 'Errors', threshold: 10, recovery_threshold: 5 },
    ]);
    for (let k = 1; k <= 4; k++) await run(k);
    const beside = await state();
    expect(s.requests.filter((q) => q.url === '/1').map((q) => q.rawBody.toString())).toEqual(aloneBodies);
    expect(s.requests.filter((q) => q.url === '/1').every((q) => q.headers['x-krafter-event'] === 'alert.triggered')).toBe(true);
    expect(beside.rules[PLAIN]).toEqual(JSON.parse(alone).rules[PLAIN]);
    expect(beside.webhooks[PLAIN]).toEqual(JSON.parse(alone).webhooks[PLAIN]);
  });

  it('a dry run reports what would fire and resolve without sending or saving', async () => {
    await writeLog([12]);
    await writeRules('http://127.0.0.1:9', [{ id: LIFE, name: 'Errors', threshold: 10, pending_ticks: 1, renotify_minutes: 60 }]);
    const r = await runEvaluation({
      rulesPath: join(dir, 'alerts.yml'),
      statePath: join(dir, 'state.json'),
      now: new Date(T0 + 5 * MIN + 1000),
      dryRun: true,
      env: {},
    });
    expect(r.decisions.map((d) => d.triggered_at)).toEqual([iso(T0 + 5 * MIN)]);
    expect(r.lifecycle?.firing).toEqual([
      { rule_id: LIFE, rule_name: 'Errors', status: 'firing', since: iso(T0 + 5 * MIN), value: 12, fire_delivered: true },
    ]);
    expect(r.stateSaved).toBe(false);
  });
});

describe('lifecycle rules in backtest', () => {
  it('reports incidents per instance (start, end, duration, peak) and totals', async () => {
    const { runBacktest } = await import('../../src/evaluate/backtest.js');
    await writeLog([12, 15, 9, 3, 0, 20, 20]);
    await writeRules('https://hooks.example.com', [{ id: LIFE, name: 'Errors', threshold: 10, recovery_threshold: 5 }]);
    const r = await runBacktest({ rulesPath: join(dir, 'alerts.yml'), from: new Date(T0), to: new Date(T0 + 35 * MIN), env: {} });
    expect(r.incidents).toEqual([
      { rule_id: LIFE, rule_name: 'Errors', start: iso(T0 + 5 * MIN), end: iso(T0 + 20 * MIN), duration_minutes: 15, peak: 15 },
      { rule_id: LIFE, rule_name: 'Errors', start: iso(T0 + 30 * MIN), end: null, duration_minutes: 5, peak: 20 },
    ]);
    expect(r.totals).toEqual({ incidents: 2, firing_minutes: 20, still_firing: 1 });
    expect(r.fires.map((f) => f.triggered_at)).toEqual([iso(T0 + 5 * MIN), iso(T0 + 30 * MIN)]);
  });
});

describe('value rules in evaluate', () => {
  it('p95 of a numeric field: fires above the threshold, resolves below the recovery threshold; non-numeric values are skipped', async () => {
    const s = await startServer((_q, res) => {
      res.end();
    });
    servers.push(s);
    // per tick: 20 durations; tick 1: fast, tick 2: p95 = 900, tick 3: p95 = 700 (hold ≥ 600), tick 4: fast
    const shapes = [[100], [100, 900], [100, 700], [100]];
    const lines: string[] = [];
    shapes.forEach((vals, k) => {
      for (let j = 0; j < 20; j++) {
        const v = j < 18 ? vals[0]! : vals.at(-1)!;
        lines.push(
          JSON.stringify({ level: 'info', time: T0 + k * 5 * MIN + (j + 1) * 1000, duration_ms: j === 0 ? String(v) : v, msg: 'req' }),
        );
      }
      lines.push(JSON.stringify({ level: 'info', time: T0 + k * 5 * MIN + 30_000, duration_ms: 'n/a', msg: 'req' }));
    });
    await writeFile(join(dir, 'app.log'), lines.join('\n') + '\n');
    await writeRules(s.url, [
      {
        id: LIFE,
        name: 'Slow checkout',
        level: 'info',
        threshold: 800,
        recovery_threshold: 600,
        value: { field: 'duration_ms', aggregate: 'p95' },
      },
    ]);
    const reports = [];
    for (let k = 1; k <= 4; k++) reports.push(await run(k));
    expect(reports.map((r) => r.lifecycle?.firing.map((f) => f.value))).toEqual([[], [900], [700], []]);
    expect(reports[3]!.lifecycle?.resolved).toMatchObject([{ value: 100, notified: true }]);
    const bodies = s.requests.map((q) => JSON.parse(q.rawBody.toString()));
    expect(bodies).toEqual([
      {
        alert_id: LIFE,
        alert_name: 'Slow checkout',
        level: 'info',
        match_count: 21,
        window_minutes: 5,
        triggered_at: iso(T0 + 10 * MIN),
        value: 900,
        aggregate: 'p95',
        field: 'duration_ms',
      },
      {
        alert_id: LIFE,
        alert_name: 'Slow checkout',
        level: 'info',
        match_count: 21,
        window_minutes: 5,
        triggered_at: iso(T0 + 10 * MIN),
        value: 100,
        aggregate: 'p95',
        field: 'duration_ms',
        resolved_at: iso(T0 + 20 * MIN),
      },
    ]);
  });
});

describe('max_groups on a grouped lifecycle rule', () => {
  it('fires at most max_groups hosts per tick (the rest reported and fired at the next tick); every firing host resolves', async () => {
    const s = await startServer((_q, res) => {
      res.end();
    });
    servers.push(s);
    // disk_used_pct per tick (1..3): web-1 95, 95, 50; web-2 92, 92, 50
    const pct: Record<string, number[]> = { 'web-1': [95, 95, 50], 'web-2': [92, 92, 50] };
    const lines: string[] = [];
    for (let j = 1; j <= 3; j++)
      for (const host of Object.keys(pct))
        lines.push(
          JSON.stringify({ level: 'info', time: T0 + (j - 1) * 5 * MIN + 1000, host, disk_used_pct: pct[host]![j - 1], msg: 'disk' }),
        );
    await writeFile(join(dir, 'app.log'), lines.join('\n') + '\n');
    await writeRules(s.url, [
      {
        id: LIFE,
        name: 'Disk almost full',
        level: 'info',
        group_by: ['host'],
        max_groups: 1,
        threshold: 90,
        recovery_threshold: 85,
        value: { field: 'disk_used_pct', aggregate: 'max' },
      },
    ]);
    const r1 = await run(1);
    expect(r1.rules[0]).toMatchObject({
      truncated_groups: [1],
      fired_groups: [{ group: { host: 'web-1' }, triggered_at: iso(T0 + 5 * MIN) }],
    });
    const r2 = await run(2);
    expect(r2.rules[0]).toMatchObject({
      truncated_groups: [0],
      fired_groups: [{ group: { host: 'web-2' }, triggered_at: iso(T0 + 10 * MIN) }],
    });
    const r3 = await run(3);
    expect(r3.lifecycle?.resolved.map((x) => [x.group, x.notified])).toEqual([
      [{ host: 'web-1' }, true],
      [{ host: 'web-2' }, true],
    ]);
    const seen = s.requests.map((q) => [q.headers['x-krafter-event'], JSON.parse(q.rawBody.toString()).group.host]);
    expect(seen).toEqual([
      ['alert.triggered', 'web-1'],
      ['alert.triggered', 'web-2'],
      ['alert.resolved', 'web-1'],
      ['alert.resolved', 'web-2'],
    ]);
    expect((await state()).rules[LIFE].instances).toBeUndefined();
  });
});

describe('catch-up over missed ticks', () => {
  it('one run over six ticks: the fires in tick order first, then the resolves (each naming its own fire), each after its fire was delivered', async () => {
    const s = await startServer((_q, res) => {
      res.end();
    });
    servers.push(s);
    // counts per tick 1..6: 3, 12 (fires), 12, 3 (resolves), 12 (fires again), 12
    await writeLog([3, 12, 12, 3, 12, 12]);
    await writeRules(s.url, [{ id: LIFE, name: 'Errors', threshold: 10, recovery_threshold: 5 }]);
    // The last run evaluated tick 0; runs at ticks 1–5 were missed: this one catches up on all six.
    await writeFile(join(dir, 'state.json'), JSON.stringify({ version: 1, last_evaluated_at: iso(T0), rules: {}, webhooks: {} }));
    const r = await run(6);
    expect(r.ticks).toHaveLength(6);
    const seen = s.requests.map((q) => {
      const body = JSON.parse(q.rawBody.toString());
      return [q.headers['x-krafter-event'], body.triggered_at, body.resolved_at ?? null];
    });
    expect(seen).toEqual([
      ['alert.triggered', iso(T0 + 10 * MIN), null],
      ['alert.triggered', iso(T0 + 25 * MIN), null],
      ['alert.resolved', iso(T0 + 10 * MIN), iso(T0 + 20 * MIN)],
    ]);
    expect(r.lifecycle?.resolved).toMatchObject([{ fired_at: iso(T0 + 10 * MIN), resolved_at: iso(T0 + 20 * MIN), notified: true }]);
    expect(r.lifecycle?.firing).toMatchObject([{ status: 'firing', since: iso(T0 + 25 * MIN), fire_delivered: true }]);
    expect((await state()).rules[LIFE].instances['[]']).toMatchObject({ status: 'firing', since: iso(T0 + 25 * MIN) });
  });

  it('catch-up where the fire is not delivered: the resolve at a later missed tick is reported, never sent', async () => {
    const s = await startServer((_q, res) => {
      res.statusCode = 500;
      res.end();
    });
    servers.push(s);
    await writeLog([12, 3]);
    await writeRules(s.url, [{ id: LIFE, name: 'Errors', threshold: 10, recovery_threshold: 5 }]);
    await writeFile(join(dir, 'state.json'), JSON.stringify({ version: 1, last_evaluated_at: iso(T0), rules: {}, webhooks: {} }));
    const r = await run(2);
    expect(s.requests.every((q) => q.headers['x-krafter-event'] === 'alert.triggered')).toBe(true);
    expect(r.lifecycle?.resolved).toMatchObject([{ notified: false, reason: 'the fire was never delivered' }]);
  });
});
