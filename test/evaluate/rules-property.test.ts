import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateTicks } from '../../src/evaluate/count-and-decide.js';
import { createSeriesProvider } from '../../src/logs/provider.js';
import { LEVELS, type Level } from '../../src/model/levels.js';
import { parseRules } from '../../src/rules/load.js';
import type { Source } from '../../src/rules/schema.js';
import type { InstanceState } from '../../src/state/schema.js';
import { oracleParse, oracleRuleFires } from '../helpers/oracle.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

/**
 * Issue 14, exactness: random rules (filters, level sets, groups, fewer_than, ratios, max_groups) over
 * random mixed-format logs with values and timestamps on window edges, evaluated in runs with gaps
 * and state carried between them: the file source (every line parsed, and through the byte
 * prefilter) and the stream source (stdin and URLs share it; served here over HTTP) decide exactly
 * what the brute-force oracle decides, tick by tick and group by group.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const users = ['alice', 'bob', 'carol'];
const hosts = ['web-1', 'web-2', 'db'];
const events = ['payment_failed', 'login_failed', 'backup_done', 'other'];
const messages = ['db timeout', 'timed out', 'ok', 'Payment FAILED', 'status 500'];
const amounts: unknown[] = [0, 50, 89.5, 90, 100, 250, '90', '90.5', 'abc', '-1', true, null];

interface GenEntry {
  ts: number;
  level: Level;
  user?: string;
  host?: string | number;
  event?: string;
  msg?: string;
  amount?: unknown;
  ctx?: string;
  style: number;
}

const entryArb = fc.record(
  {
    ts: fc.tuple(fc.integer({ min: -150, max: 60 }), fc.constantFrom(0, 0, 1, -1, 30_000)).map(([m, d]) => T0 + m * MIN + d),
    level: fc.constantFrom(...LEVELS),
    user: fc.constantFrom(...users),
    host: fc.constantFrom<string | number>(...hosts, 7),
    event: fc.constantFrom(...events),
    msg: fc.constantFrom(...messages),
    amount: fc.constantFrom(...amounts),
    ctx: fc.constantFrom('x', 'y'),
    style: fc.nat(9),
  },
  { requiredKeys: ['ts', 'level', 'style'] },
);

/** JSON (typed values, nested ctx.id) or logfmt (strings, a top-level "ctx.id" key). */
function render(e: GenEntry): string {
  const iso = new Date(e.ts).toISOString();
  const own: Record<string, unknown> = {};
  for (const k of ['user', 'host', 'event', 'amount'] as const) if (e[k] !== undefined) own[k] = e[k];
  if (e.style % 3 === 2) {
    const kv = Object.entries(own)
      .filter(([, v]) => v !== null && typeof v !== 'object')
      .map(([k, v]) => `${k}=${String(v)}`);
    if (e.ctx) kv.push(`ctx.id=${e.ctx}`);
    const msg = e.msg !== undefined ? ` msg="${e.msg}"` : '';
    return `ts=${iso} level=${e.style % 2 ? e.level.toUpperCase() : e.level}${msg} ${kv.join(' ')}`.trimEnd();
  }
  const pino = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 }[e.level];
  const base = e.style % 3 === 0 ? { level: pino, time: e.ts } : { level: e.level, timestamp: iso };
  return JSON.stringify({
    ...base,
    ...(e.msg !== undefined ? { [e.style % 2 ? 'msg' : 'message']: e.msg } : {}),
    ...own,
    ...(e.ctx ? { ctx: { id: e.ctx } } : {}),
  });
}

const filterArb = fc.oneof(
  fc.record({ field: fc.constant('user'), op: fc.constantFrom('equals', '==', 'not_equals', '!='), value: fc.constantFrom(...users) }),
  fc.record({
    field: fc.constant('host'),
    op: fc.constantFrom('one_of', 'in'),
    value: fc.subarray<string | number>([...hosts, 7, '7'], { minLength: 1 }),
  }),
  fc.record({ field: fc.constant('event'), op: fc.constantFrom('equals', 'contains'), value: fc.constantFrom(...events, 'failed') }),
  fc.record({
    field: fc.constant('message'),
    op: fc.constantFrom('matches', 'contains'),
    value: fc.constantFrom('time(d )?out', '^ok$', 'FAIL', '[0-9]+', '^ti', '^db t.*t'),
  }),
  fc.record({
    field: fc.constantFrom('amount', 'host'),
    op: fc.constantFrom('gt', 'gte', 'lt', 'lte', '>=', '<'),
    value: fc.constantFrom(0, 50, 89.5, 90, 100, -1, 7),
  }),
  fc.record({ field: fc.constantFrom('amount', 'ctx.id', 'user', 'nothing'), op: fc.constant('exists') }),
  fc.record({ field: fc.constant('ctx.id'), op: fc.constant('equals'), value: fc.constantFrom('x', 'y') }),
);

const levelChoice = fc.oneof(
  fc.record({ level: fc.constantFrom(...LEVELS) }),
  fc.record({ level: fc.subarray([...LEVELS], { minLength: 1 }) }),
  fc.record({ min_level: fc.constantFrom(...LEVELS) }),
  fc.constant({}),
);

const ruleArb = fc
  .record({
    levels: levelChoice,
    where: fc.array(filterArb, { maxLength: 2 }),
    group_by: fc.constantFrom(undefined, ['user'], ['host'], ['user', 'host'], ['ctx.id']),
    fewer: fc.boolean(),
    ratio: fc.option(
      fc.record({
        den: fc.oneof(
          fc.constant({ min_level: 'debug' }),
          fc.record({ level: fc.subarray([...LEVELS], { minLength: 1 }) }),
          fc.record({ where: fc.array(filterArb, { minLength: 1, maxLength: 1 }) }),
        ),
        min: fc.integer({ min: 1, max: 4 }),
        threshold: fc.constantFrom(0.1, 0.25, 0.5, 1, 1.5),
      }),
      { freq: 3 },
    ),
    threshold: fc.integer({ min: 1, max: 4 }),
    window: fc.integer({ min: 1, max: 30 }),
    lookback: fc.integer({ min: 31, max: 150 }),
    maxGroups: fc.option(fc.integer({ min: 1, max: 3 })),
    enabled: fc.boolean().map((b) => b || Math.random() < 0.9),
  })
  .map((g) => {
    const r: Record<string, unknown> = { ...g.levels, threshold: g.threshold, window_minutes: g.window, enabled: g.enabled };
    if (g.where.length > 0) r.where = g.where;
    if (g.group_by) r.group_by = g.group_by;
    if (g.group_by && g.maxGroups !== null) r.max_groups = g.maxGroups;
    if (g.fewer) r.comparison = 'fewer_than';
    if (g.ratio) Object.assign(r, { denominator: g.ratio.den, min_denominator: g.ratio.min, threshold: g.ratio.threshold });
    else if (g.fewer && g.group_by) r.group_lookback_minutes = g.lookback;
    if (!r.where && !r.denominator && r.level === undefined && r.min_level === undefined) r.level = 'error';
    return r;
  });

/** Ticks on the 5-minute grid, split into runs with gaps between them (missed ticks never evaluated). */
const runsArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 4 })
  .map((parts) => {
    const runs: number[][] = [];
    let t = T0 - 40 * MIN;
    for (const [len, gap] of parts) {
      t += gap * 5 * MIN;
      const run: number[] = [];
      for (let i = 0; i < len; i++, t += 5 * MIN) run.push(t);
      runs.push(run);
    }
    return runs;
  });

let dir: string;
let server: TestServer;
let served = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rules-prop-'));
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(served);
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

type Mode = 'file' | 'prefilter' | 'stream';

async function check(
  entries: GenEntry[],
  junk: string[],
  generated: Record<string, unknown>[],
  runs: number[][],
  mode: Mode,
): Promise<void> {
  const text = [...entries.map(render), ...junk].sort(() => 0).join('\n') + '\n';
  const file = parseRules(
    JSON.stringify({
      project: 'p',
      sources: [{ name: 'app', path: 'app.log' }],
      rules: generated.map((r, i) => ({
        id: ID(i + 1),
        name: `r${i + 1}`,
        channels: ['webhook'],
        notify_webhook: 'https://h.example.com/x',
        ...r,
      })),
    }),
    'prop.yml',
  );
  const path = join(dir, `app-${mode}.log`);
  await writeFile(path, text);
  served = text;
  const sources: Source[] = mode === 'stream' ? [{ name: 'app', url: `${server.url}/logs` }] : [{ name: 'app', path }];
  const provider = createSeriesProvider(sources, {
    baseDir: dir,
    env: {},
    scan: mode === 'prefilter' ? { checkEveryLineBelowBytes: 0, seekMinBytes: 0 } : {},
  });

  const parsed = oracleParse(text);
  const last = new Map<string, number | null>();
  const instances = new Map<string, Record<string, InstanceState>>();
  const carried = new Map(file.rules.map((r) => [r.id, { last: null as number | null, perGroup: new Map<string, number>() }]));
  for (const ticks of runs) {
    const got = await evaluateTicks(file.rules, ticks, provider, (id) => last.get(id) ?? null, {
      instanceState: (id) => instances.get(id),
    });
    for (const [id, ms] of got.lastTriggered) last.set(id, ms);
    for (const [id, inst] of got.instances) instances.set(id, inst);
    for (const [i, rule] of file.rules.entries()) {
      const want = oracleRuleFires(parsed, rule, ticks, carried.get(rule.id)!);
      const fires = got.decisions
        .filter((d) => d.rule.id === rule.id)
        .map((d) => ({
          tickMs: Date.parse(d.triggered_at),
          key: d.group ? JSON.stringify(rule.group_by!.map((f) => d.group![f] ?? null)) : '[]',
          match_count: d.match_count,
          ...(d.denominator_count !== undefined ? { ratio: d.ratio, denominator_count: d.denominator_count } : {}),
        }));
      const report = got.rules[i]!;
      expect({ rule: generated[i], fires }).toEqual({ rule: generated[i], fires: want.fires });
      if (rule.group_by && rule.enabled) expect(report.truncated_groups).toEqual(want.truncated);
    }
  }
}

describe('rules over files and streams decide exactly what the oracle decides', () => {
  for (const mode of ['file', 'prefilter', 'stream'] as Mode[]) {
    it(`${mode} source`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(entryArb, { minLength: 0, maxLength: 160 }),
          fc.array(fc.constantFrom('', 'garbage', '{"level":"error"}', 'level=error msg=no-time', '{"time":1,"level":'), { maxLength: 4 }),
          fc.array(ruleArb, { minLength: 1, maxLength: 6 }),
          runsArb,
          (entries, junk, rules, runs) => check(entries, junk, rules, runs, mode),
        ),
        { numRuns: mode === 'file' ? 200 : 60 },
      );
    }, 120_000);
  }
});
