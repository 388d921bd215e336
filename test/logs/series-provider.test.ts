import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeriesProvider } from '../../src/logs/provider.js';
import { AGGREGATES, type Filter, type SeriesCounts, type SeriesSpec } from '../../src/model/series.js';
import { LEVELS } from '../../src/model/levels.js';
import type { Window } from '../../src/model/window.js';
import { oracleParse, oracleSeries } from '../helpers/oracle.js';

/**
 * The file/stdin/URL SeriesProvider against the series oracle (test/helpers/oracle.ts, shared with the
 * stores): every series × window, groups, values and skipped values, for random specs over random
 * mixed-format logs; and the group bound (truncatedGroups) with 100k+ distinct values.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);

const entryArb = fc.record({
  m: fc.integer({ min: -60, max: 5 }),
  d: fc.constantFrom(0, 1, -1, 20_000),
  level: fc.constantFrom(...LEVELS),
  host: fc.constantFrom('a', 'b', 'c', undefined),
  ms: fc.constantFrom<unknown>(1, 2.5, 10, '7', '7.25', 'x', null, 100, -3),
  json: fc.boolean(),
});

function render(e: { m: number; d: number; level: string; host?: string; ms: unknown; json: boolean }): string {
  const ts = T0 + e.m * MIN + e.d;
  if (e.json) return JSON.stringify({ level: e.level, time: ts, ...(e.host ? { host: e.host } : {}), duration_ms: e.ms });
  const ms = e.ms === null || typeof e.ms === 'object' ? '' : ` duration_ms=${e.ms as string | number}`;
  return `ts=${new Date(ts).toISOString()} level=${e.level}${e.host ? ` host=${e.host}` : ''}${ms}`;
}

const specArb: fc.Arbitrary<SeriesSpec> = fc
  .record({
    levels: fc.subarray([...LEVELS], { minLength: 1 }),
    where: fc.constantFrom<Filter[][]>(
      [],
      [{ field: 'host', op: 'not_equals', value: 'c' }],
      [{ field: 'duration_ms', op: 'gte', value: 2.5 }],
    ),
    groupBy: fc.constantFrom<string[] | undefined>(undefined, ['host']),
    value: fc.option(fc.record({ field: fc.constant('duration_ms'), aggregate: fc.constantFrom(...AGGREGATES) }), { nil: undefined }),
  })
  .map((g) => ({
    selection: { levels: g.levels, where: g.where },
    ...(g.groupBy ? { groupBy: g.groupBy } : {}),
    ...(g.value ? { value: g.value } : {}),
  }));

const sortGroups = (s: SeriesCounts[]) =>
  s.map((x) => ({ ...x, groups: [...x.groups].sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key))) }));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'series-provider-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('createSeriesProvider (files)', () => {
  it('counts, groups and values equal the series oracle', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 120 }),
        fc.array(specArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.integer({ min: -12, max: 1 }), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (entries, series, ws, prefilter) => {
          const text = entries.map(render).join('\n') + '\n';
          const path = join(dir, 'app.log');
          await writeFile(path, text);
          const windows: Window[] = ws.map(([k, w]) => ({ fromMs: T0 + k * 5 * MIN - w * MIN, toMs: T0 + k * 5 * MIN }));
          const provider = createSeriesProvider([{ name: 'app', path }], {
            baseDir: dir,
            env: {},
            scan: prefilter ? { checkEveryLineBelowBytes: 0, seekMinBytes: 0 } : {},
          });
          const got = await provider.countSeries({ series, windows });
          expect(sortGroups(got.series)).toEqual(sortGroups(oracleSeries(oracleParse(text), series, windows)));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('tracks at most groupLimit groups per series and reports the rest, however many distinct values', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++) lines.push(`{"level":"error","time":${T0 - 1000 - (i % 1000)},"user":"u${i}"}`);
    const path = join(dir, 'many.log');
    await writeFile(path, lines.join('\n') + '\n');
    const provider = createSeriesProvider([{ name: 'app', path }], { baseDir: dir, env: {} });
    const windows = [{ fromMs: T0 - 5 * MIN, toMs: T0 }];
    const got = await provider.countSeries({
      series: [{ selection: { levels: ['error'], where: [] }, groupBy: ['user'] }],
      windows,
      groupLimit: 100_000,
    });
    expect(got.series[0]!.groups).toHaveLength(100_000);
    expect(got.series[0]!.truncatedGroups).toBe(20_000);
    // The tracked groups are counted exactly: the first 100,000 users in file order, one entry each.
    expect(got.series[0]!.groups.every((g) => g.counts[0] === 1)).toBe(true);
    expect(new Set(got.series[0]!.groups.map((g) => g.key[0]))).toEqual(new Set(Array.from({ length: 100_000 }, (_, i) => `u${i}`)));
  }, 60_000);
});
