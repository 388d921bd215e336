import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runEvaluation } from '../../src/evaluate/run.js';
import { createSeriesProvider } from '../../src/logs/provider.js';
import { LEVELS } from '../../src/model/levels.js';
import { AGGREGATES, type SeriesCounts, type SeriesSpec } from '../../src/model/series.js';
import type { Window } from '../../src/model/window.js';
import type { Source } from '../../src/rules/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { oracleParse, oracleSeries } from '../helpers/oracle.js';

/**
 * Value series come from the same single pass as counts, for every source that reads entries itself:
 * a glob over plain and .gz files, stdin, and URLs (plain and .gz). Each answer equals the series
 * oracle (test/helpers/oracle.ts: every entry looked at, aggregates of src/model/aggregate.ts), with
 * count series in the same query; and a URL is requested once per run however many value and count
 * rules read it.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);

const entryArb = fc.record({
  m: fc.integer({ min: -40, max: 2 }),
  d: fc.constantFrom(0, 1, -1, 20_000),
  level: fc.constantFrom(...LEVELS),
  host: fc.constantFrom('a', 'b', undefined),
  ms: fc.constantFrom<unknown>(1, 2.5, 10, '7', '7.25', 'x', null, 100, -3, 1e300),
  json: fc.boolean(),
});
type Entry = typeof entryArb extends fc.Arbitrary<infer E> ? E : never;

function render(e: Entry): string {
  const ts = T0 + e.m * MIN + e.d;
  if (e.json) return JSON.stringify({ level: e.level, time: ts, ...(e.host ? { host: e.host } : {}), duration_ms: e.ms });
  const ms = e.ms === null ? '' : ` duration_ms=${e.ms as string | number}`;
  return `ts=${new Date(ts).toISOString()} level=${e.level}${e.host ? ` host=${e.host}` : ''}${ms}`;
}

const specArb: fc.Arbitrary<SeriesSpec> = fc
  .record({
    levels: fc.subarray([...LEVELS], { minLength: 1 }),
    groupBy: fc.constantFrom<string[] | undefined>(undefined, ['host']),
    aggregate: fc.option(fc.constantFrom(...AGGREGATES), { nil: undefined, freq: 4 }),
  })
  .map((g) => ({
    selection: { levels: g.levels, where: [] },
    ...(g.groupBy ? { groupBy: g.groupBy } : {}),
    ...(g.aggregate ? { value: { field: 'duration_ms', aggregate: g.aggregate } } : {}),
  }));

const sortGroups = (s: SeriesCounts[]) =>
  s.map((x) => ({ ...x, groups: [...x.groups].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key))) }));

let dir: string;
let server: TestServer;
/** What the URL source serves (set per property run). */
let served = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'value-sources-'));
  server = await startServer((req, res) => {
    res.end(req.url.endsWith('.gz') ? gzipSync(served) : served);
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `fn` with process.stdin replaced by a stream of `text` (the provider reads process.stdin for `-`). */
async function withStdin<T>(text: string, fn: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(text)]), configurable: true });
  try {
    return await fn();
  } finally {
    Object.defineProperty(process, 'stdin', original);
  }
}

describe('value series in the one pass, every streamed source kind', () => {
  it('glob (plain + .gz), stdin, URL and .gz URL: counts, groups, values and skipped values equal the oracle', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 90 }),
        fc.array(specArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.integer({ min: -8, max: 0 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 4 }),
        fc.tuple(fc.nat(), fc.nat()),
        async (entries, series, ws, [c1, c2]) => {
          const lines = entries.map(render);
          const text = lines.join('\n') + '\n';
          served = text;
          const windows: Window[] = ws.map(([k, w]) => ({ fromMs: T0 + k * 5 * MIN - w * MIN, toMs: T0 + k * 5 * MIN }));
          const want = sortGroups(oracleSeries(oracleParse(text), series, windows));
          // The glob: the lines cut in three files, the middle one gzipped.
          const parts = join(dir, `r${run++}`);
          await mkdir(parts);
          const a = lines.length === 0 ? 0 : c1 % (lines.length + 1);
          const b = a + (lines.length === 0 ? 0 : c2 % (lines.length - a + 1));
          await writeFile(join(parts, 'app-1.log'), lines.slice(0, a).join('\n') + '\n');
          await writeFile(join(parts, 'app-2.log.gz'), gzipSync(lines.slice(a, b).join('\n') + '\n'));
          await writeFile(join(parts, 'app-3.log'), lines.slice(b).join('\n') + '\n');
          const sources: [string, Source][] = [
            ['glob', { name: 'app', path: join(parts, 'app-*.log*') }],
            ['stdin', { name: 'in', kind: 'stdin' }],
            ['url', { name: 'web', url: `${server.url}/app.log` }],
            ['gz url', { name: 'web', url: `${server.url}/app.log.gz` }],
          ];
          for (const [label, source] of sources) {
            const provider = createSeriesProvider([source], { baseDir: dir, env: {} });
            const ask = () => provider.countSeries({ series, windows });
            const got = label === 'stdin' ? await withStdin(text, ask) : await ask();
            expect({ label, series: sortGroups(got.series) }).toEqual({ label, series: want });
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('a run with count rules and value rules reads a URL source once, and the value rule sees the same entries as the count rule', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++)
      lines.push(JSON.stringify({ level: i % 4 === 0 ? 'error' : 'info', time: T0 - 4 * MIN + i * 1000, duration_ms: 10 * i, msg: 'req' }));
    served = lines.join('\n') + '\n';
    const before = server.requests.length;
    const rulesPath = join(dir, 'alerts.yml');
    const rule = (id: number, extra: Record<string, unknown>) => ({
      id: `00000000-0000-4000-8000-00000000000${id}`,
      name: `rule ${id}`,
      window_minutes: 5,
      channels: ['webhook'],
      notify_webhook: 'https://hooks.example.com/x',
      ...extra,
    });
    await writeFile(
      rulesPath,
      stringify({
        project: 'shop',
        sources: [{ name: 'web', url: `${server.url}/app.log.gz` }],
        rules: [
          rule(1, { level: 'error', threshold: 5 }),
          rule(2, { level: 'info', threshold: 300, value: { field: 'duration_ms', aggregate: 'p95' } }),
          rule(3, { level: 'info', threshold: 1, value: { field: 'duration_ms', aggregate: 'max' }, group_by: ['msg'] }),
          rule(4, { level: 'error', threshold: 3, recovery_threshold: 1 }),
        ],
      }),
    );
    const report = await runEvaluation({
      rulesPath,
      statePath: join(dir, 'state.json'),
      now: new Date(T0 + 30_000),
      dryRun: true,
      env: {},
    });
    expect(server.requests.length - before).toBe(1);
    // 30 info entries with 10·i for i not a multiple of 4: p95 = the 29th smallest (rank ceil(28.5)) = 380; max = 390.
    expect(report.lifecycle?.firing.map((f) => [f.rule_name, f.value])).toEqual([
      ['rule 2', 380],
      ['rule 3', 390],
      ['rule 4', 10],
    ]);
    expect(report.rules.map((r) => r.counts)).toEqual([[10], [30], [30], [10]]);
  });
});
