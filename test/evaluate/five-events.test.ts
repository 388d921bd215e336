import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBacktest, type BacktestReport } from '../../src/evaluate/backtest.js';
import { loadRules } from '../../src/rules/load.js';
import { webhookBody } from '../../src/deliver/webhook.js';
import { pushEvent } from '../../src/deliver/push.js';
import { oracleParse, oracleRuleFires } from '../helpers/oracle.js';

/**
 * examples/five-events.yml, each rule exercised over a generated log (JSON and logfmt mixed) with a
 * backtest: the fires are the hand-worked ones below, and exactly what the brute-force oracle decides.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const EXAMPLE = join(import.meta.dirname, '../../examples/five-events.yml');
const at = (m: number, s = 0) => T0 + m * MIN + s * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function logText(): string {
  const lines: { ts: number; line: string }[] = [];
  const json = (ts: number, o: Record<string, unknown>) => lines.push({ ts, line: JSON.stringify({ time: ts, ...o }) });
  const logfmt = (ts: number, kv: string) => lines.push({ ts, line: `ts=${new Date(ts).toISOString()} ${kv}` });
  // Background: a request a minute for 26 hours, alternating hosts and formats.
  for (let m = -26 * 60; m <= 0; m++) {
    if (m % 2) json(at(m, 20), { level: 'info', event: 'request', host: 'web-1', msg: 'GET /' });
    else logfmt(at(m, 20), 'level=info event=request host=web-2 msg="GET /cart"');
  }
  // 1. One failed payment at -100 min (+30 s).
  json(at(-100, 30), { level: 'error', event: 'payment_failed', order: 'o-1', amount: 120 });
  // 2. Six failed logins for alice from -60 min, three for bob.
  for (let m = -60; m <= -55; m++) logfmt(at(m, 10), `level=warn event=login_failed user=alice`);
  for (let m = -60; m <= -58; m++) json(at(m, 15), { level: 'warn', event: 'login_failed', user: 'bob' });
  // 3. The last nightly backup completed 25 h 30 min ago.
  json(at(-25 * 60 - 30), { level: 'info', event: 'backup_completed', job: 'nightly' });
  // 4. An error burst: five errors from -40 min.
  for (let m = -40; m <= -36; m++) json(at(m, 40), { level: 'error', event: 'db_timeout', msg: 'timeout' });
  // 5. Disk usage every 5 min; web-2 crosses 90 (one reading as a logfmt string), db is exactly 90 once.
  const web2: Record<number, number> = { [-20]: 91, [-15]: 95, [-10]: 85, [-5]: 80 };
  for (let m = -60; m <= 0; m += 5) {
    json(at(m, 30), { level: 'info', event: 'disk', host: 'web-1', disk_used_pct: 70 + (m % 20 === 0 ? 19.5 : 0) });
    const v = web2[m] ?? 60;
    if (m === -15) logfmt(at(m, 30), `level=info event=disk host=web-2 disk_used_pct=${v}`);
    else json(at(m, 30), { level: 'info', event: 'disk', host: 'web-2', disk_used_pct: v });
  }
  json(at(-10), { level: 'info', event: 'disk', host: 'db', disk_used_pct: 90 });
  json(at(-10, 1), { level: 'info', event: 'disk', host: 'db', disk_used_pct: '89.9' });
  return lines.map((l) => l.line).join('\n') + '\n';
}

let dir: string;
let report: BacktestReport;
let text: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'five-events-'));
  text = logText();
  await writeFile(join(dir, 'app.log'), text);
  report = await runBacktest({ rulesPath: EXAMPLE, logs: [join(dir, 'app.log')], from: new Date(at(-180)), to: new Date(T0), env: {} });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const firesOf = (name: string) => report.fires.filter((f) => f.rule_name === name).map(({ rule_id: _id, rule_name: _n, ...f }) => f);

describe('examples/five-events.yml', () => {
  it('1. a failed payment fires at the first tick after it', () => {
    expect(firesOf('Payment failed')).toEqual([{ triggered_at: iso(at(-95)), match_count: 1 }]);
  });

  it("2. five failed logins for one user fire that user's instance; three for another do not", () => {
    expect(firesOf('Account lockout')).toEqual([{ triggered_at: iso(at(-55)), match_count: 5, group: { user: 'alice' } }]);
  });

  it("3. a backup that last reported over 25 hours ago fires the dead man's switch, once per window", () => {
    // The backup at −25 h 30 min leaves the 1500-minute window exactly at −30 min (the window's start is exclusive).
    expect(firesOf('Nightly backup missing')).toEqual([{ triggered_at: iso(at(-30)), match_count: 0 }]);
  });

  it('4. the error rate fires with its ratio and denominator, and not on one error among many requests', () => {
    const fires = firesOf('Error rate above 5%');
    expect(fires.length).toBeGreaterThan(0);
    expect(fires[0]!.triggered_at).toBe(iso(at(-35)));
    expect(fires[0]).toMatchObject({ match_count: 5 });
    expect(fires[0]!.denominator_count).toBeGreaterThanOrEqual(20);
    expect(fires[0]!.ratio).toBeCloseTo(5 / fires[0]!.denominator_count!, 12);
    expect(fires.every((f) => Date.parse(f.triggered_at) > at(-100) + 15 * MIN)).toBe(true);
  });

  it('5. hosts reporting disk_used_pct of 90 or more fire per host (number or string, 90 exactly included)', () => {
    expect(firesOf('Disk almost full')).toEqual([
      { triggered_at: iso(at(-15)), match_count: 1, group: { host: 'web-2' } },
      { triggered_at: iso(at(-10)), match_count: 1, group: { host: 'db' } },
      { triggered_at: iso(at(-5)), match_count: 1, group: { host: 'web-2' } },
    ]);
  });

  it('every rule decides exactly what the oracle decides', async () => {
    const file = await loadRules(EXAMPLE);
    const parsed = oracleParse(text);
    const ticks = report.ticks.map((t) => Date.parse(t));
    for (const rule of file.rules) {
      const want = oracleRuleFires(parsed, rule, ticks, { last: null, perGroup: new Map() });
      expect(firesOf(rule.name).map((f) => [f.triggered_at, f.match_count, f.denominator_count])).toEqual(
        want.fires.map((f) => [iso(f.tickMs), f.match_count, f.denominator_count]),
      );
    }
  });

  it('payloads of grouped and ratio rules carry group / ratio / denominator_count; push data too', async () => {
    const file = await loadRules(EXAMPLE);
    const lockout = file.rules.find((r) => r.name === 'Account lockout')!;
    const d = { rule: lockout, triggered_at: iso(at(-55)), match_count: 5, group: { user: 'alice' } };
    expect(JSON.parse(webhookBody(d).toString())).toEqual({
      alert_id: lockout.id,
      alert_name: 'Account lockout',
      level: 'info,warn,error,fatal',
      match_count: 5,
      window_minutes: 10,
      triggered_at: iso(at(-55)),
      group: { user: 'alice' },
    });
    const rate = file.rules.find((r) => r.name === 'Error rate above 5%')!;
    const push = pushEvent({ rule: rate, triggered_at: iso(at(-35)), match_count: 5, ratio: 0.125, denominator_count: 40 }, 'shop-api');
    expect(push.message).toBe('12.5% error,fatal (5 of 40) in 15 min (threshold 5%) at ' + iso(at(-35)));
    expect(push.data).toMatchObject({ ratio: 0.125, denominator_count: 40 });
  });
});
