// `alerts add/update` flags for the rule language (where, group_by, level sets, min_level, fewer_than,
// ratios, value rules, lifecycle), through the BUILT CLI: the file they write (block style), what
// evaluate then decides and delivers, and bad input (exit 2, file untouched).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { builtBundle, runNode, tempDir } from '../events/support.js';

const cli = (args: string[], env: Record<string, string> = {}) => runNode(builtBundle('cli'), args, env);
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

let receiver: TestServer | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function setup(): { dir: string; rules: string } {
  const dir = tempDir('alerts-fields-');
  const rules = join(dir, 'alerts.yml');
  writeFileSync(rules, 'project: shop\nsources:\n  - name: app\n    path: app.log\n\nrules: []\n');
  return { dir, rules };
}

/** Payment failures for two users (3 for ann, 1 for bob, one small one), heartbeats stopped, slow requests. */
function writeLog(dir: string): void {
  const lines: object[] = [];
  const at = (s: number) => iso(T0 - s * 1000);
  for (const [s, user, amount] of [
    [20, 'ann', 250],
    [40, 'ann', 120],
    [60, 'ann', 900],
    [80, 'bob', 300],
    [100, 'bob', 20],
  ] as const)
    lines.push({ time: at(s), level: 'error', event: 'payment_failed', user, amount });
  for (let i = 0; i < 30; i++) lines.push({ time: at(5 + i * 9), level: 'info', event: 'request', duration_ms: i < 25 ? 100 : 2000 });
  lines.push({ time: at(1500), level: 'info', event: 'heartbeat' }); // 25 minutes ago: quiet since
  writeFileSync(join(dir, 'app.log'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

describe('alerts add/update with the rule language (built CLI)', () => {
  it('writes each field in block style, as the schema reads it; evaluate decides and delivers on it', async () => {
    const { dir, rules } = setup();
    writeLog(dir);
    receiver = await startServer((_req, res) => {
      res.end();
    });
    const common = ['--rules', rules, '--window', '5', '--channels', 'webhook', '--webhook', `${receiver.url}/h`, '--allow-http'];
    const adds = [
      [
        '--name',
        'Payment failures',
        '--level',
        'ERROR,fatal',
        '--where',
        'event = payment_failed',
        '--where',
        'amount>=100',
        '--group-by',
        'user',
        '--max-groups',
        '10',
        '--threshold',
        '2',
      ],
      ['--name', 'Heartbeat missing', '--where', 'event = heartbeat', '--comparison', 'fewer_than', '--threshold', '1'],
      [
        '--name',
        'Slow requests',
        '--where',
        'event in request',
        '--value-field',
        'duration_ms',
        '--aggregate',
        'p95',
        '--threshold',
        '1000',
        '--recovery-threshold',
        '800',
        '--empty-window',
        'keep',
        '--pending-ticks',
        '1',
        '--renotify-minutes',
        '60',
      ],
      [
        '--name',
        'Error ratio',
        '--min-level',
        'warning',
        '--denominator-min-level',
        'debug',
        '--min-denominator',
        '20',
        '--threshold',
        '0.5',
      ],
    ];
    for (const a of adds) {
      const r = await cli(['alerts', 'add', ...common, ...a, '--json']);
      expect(r.code, `${a[1]}: ${r.stderr}`).toBe(0);
    }
    const text = readFileSync(rules, 'utf8');
    expect(text).toContain('    level: [error, fatal]\n' + '    threshold: 2\n' + '    window_minutes: 5\n' + '    channels: [webhook]\n');
    expect(text).toContain(
      '    where:\n      - field: event\n        op: equals\n        value: payment_failed\n      - field: amount\n        op: gte\n        value: 100\n    group_by: [user]\n    max_groups: 10\n',
    );
    expect(text).toContain('    value:\n      field: duration_ms\n      aggregate: p95\n');
    expect(text).toContain('    denominator:\n      min_level: debug\n    min_denominator: 20\n');
    expect(text).not.toMatch(/\{ *(field|id|min_level):|\[ *\{/);

    const file = await loadRules(rules);
    expect(file.rules.map((r) => [r.name, r.level, r.min_level, r.where, r.group_by, r.comparison, r.value, r.denominator])).toEqual([
      [
        'Payment failures',
        ['error', 'fatal'],
        undefined,
        [
          { field: 'event', op: 'equals', value: 'payment_failed' },
          { field: 'amount', op: 'gte', value: 100 },
        ],
        ['user'],
        undefined,
        undefined,
        undefined,
      ],
      [
        'Heartbeat missing',
        undefined,
        undefined,
        [{ field: 'event', op: 'equals', value: 'heartbeat' }],
        undefined,
        'fewer_than',
        undefined,
        undefined,
      ],
      [
        'Slow requests',
        undefined,
        undefined,
        [{ field: 'event', op: 'one_of', value: ['request'] }],
        undefined,
        undefined,
        { field: 'duration_ms', aggregate: 'p95' },
        undefined,
      ],
      ['Error ratio', undefined, 'warn', undefined, undefined, undefined, undefined, { min_level: 'debug' }],
    ]);
    expect(file.rules[2]).toMatchObject({ recovery_threshold: 800, no_data: 'keep', pending_ticks: 1, renotify_minutes: 60 });

    const state = join(dir, 'state.json');
    const run = await cli(['evaluate', '--rules', rules, '--state', state, '--now', iso(T0), '--allow-private-targets', '--json'], {
      ALERT_PAYMENT_FAILURES_SECRET: 'a'.repeat(64),
      ALERT_HEARTBEAT_MISSING_SECRET: 'b'.repeat(64),
      ALERT_SLOW_REQUESTS_SECRET: 'c'.repeat(64),
      ALERT_ERROR_RATIO_SECRET: 'd'.repeat(64),
    });
    expect(run.stderr).not.toMatch(/invalid|unknown/i);
    const bodies = receiver.requests.map(
      (q) => JSON.parse(q.rawBody.toString()) as { alert_name: string; match_count: number; group?: Record<string, string> },
    );
    const fired = bodies.map((b) => `${b.alert_name}${b.group ? ` ${JSON.stringify(b.group)}` : ''}`).sort();
    // ann: 3 failures of ≥100; bob: 1 (the 20 is filtered out); the heartbeat went quiet; p95 of durations is 2000;
    // the error ratio is 5 of 36 entries, below 0.5.
    expect(fired).toEqual(['Heartbeat missing', 'Payment failures {"user":"ann"}', 'Slow requests']);
    expect(bodies.find((b) => b.alert_name === 'Payment failures')!.match_count).toBe(3);
  }, 90_000);

  it('update replaces a field, --unset removes fields (and their lines), the rest stays byte for byte', async () => {
    const { rules } = setup();
    const add = await cli([
      'alerts',
      'add',
      '--rules',
      rules,
      '--name',
      'P',
      '--level',
      'error',
      '--where',
      'event = payment_failed',
      '--group-by',
      'user,region',
      '--threshold',
      '2',
      '--window',
      '5',
      '--channels',
      'email',
      '--email',
      'ops@example.com',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const before = readFileSync(rules, 'utf8');
    const up = await cli([
      'alerts',
      'update',
      '--rules',
      rules,
      'P',
      '--where',
      'amount > 5',
      '--where',
      'message =~ ^card ',
      '--where',
      'amount <= 1e3', // numbers spelled as rule files and field values spell them (numericValue)
      '--pending-ticks',
      '3',
    ]);
    expect(up.code, up.stderr).toBe(0);
    expect((await loadRules(rules)).rules[0]).toMatchObject({
      where: [
        { field: 'amount', op: 'gt', value: 5 },
        { field: 'message', op: 'matches', value: '^card' },
        { field: 'amount', op: 'lte', value: 1000 },
      ],
      pending_ticks: 3,
      group_by: ['user', 'region'],
    });
    const unset = await cli([
      'alerts',
      'update',
      '--rules',
      rules,
      'P',
      '--unset',
      'pending_ticks,group_by',
      '--where',
      'event = payment_failed',
    ]);
    expect(unset.code, unset.stderr).toBe(0);
    expect(readFileSync(rules, 'utf8')).toBe(before.replace('    group_by: [user, region]\n', ''));
  }, 60_000);

  it('bad values exit 2 naming the flag, or the rule and field, and leave the file untouched', async () => {
    const { rules } = setup();
    expect(
      (
        await cli([
          'alerts',
          'add',
          '--rules',
          rules,
          '--name',
          'A',
          '--level',
          'error',
          '--threshold',
          '1',
          '--window',
          '5',
          '--channels',
          'email',
          '--email',
          'o@example.com',
        ])
      ).code,
    ).toBe(0);
    const before = readFileSync(rules, 'utf8');
    const cases: [string[], RegExp][] = [
      [['update', 'A', '--where', 'amount >= lots'], /--where "amount >= lots": gte needs a number/],
      [['update', 'A', '--where', 'amount ~~ 3'], /--where "amount ~~ 3": expected FIELD OP VALUE/],
      [['update', 'A', '--where', 'user exists now'], /exists takes no value/],
      [['update', 'A', '--where', 'msg =~ (?<x>a)'], /rules\[0\] "A" → where\.0\.value: .*not supported/],
      [['update', 'A', '--level', 'loud'], /rules\[0\] "A" → level: unknown level "loud"/],
      [['update', 'A', '--threshold', '0.5'], /rules\[0\] "A" → threshold: must be a whole number/],
      [['update', 'A', '--value-field', 'duration_ms'], /--value-field and --aggregate go together/],
      [['update', 'A', '--max-groups', '5'], /rules\[0\] "A" → max_groups: only for grouped rules/],
      [['update', 'A', '--min-level', 'warn'], /rules\[0\] "A" → min_level: give level or min_level, not both/],
      [['update', 'A', '--unset', 'name'], /--unset: "name" cannot be removed/],
      [['update', 'A', '--unset', 'level'], /rules\[0\] "A" → level: required unless/],
      [
        ['add', '--name', 'B', '--threshold', '1', '--window', '5', '--channels', 'email', '--email', 'o@example.com'],
        /rules\[1\] "B" → level: required unless/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['alerts', ...args, '--rules', rules]);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringMatching(message)]);
    }
    expect(readFileSync(rules, 'utf8')).toBe(before);
  }, 60_000);
});
