// Property: the series pushdown (countSeriesInStore) on real PostgreSQL and ClickHouse answers exactly
// what the brute-force oracle (test/helpers/oracle.ts oracleSeries) answers, for random filters, level
// sets, groups and value aggregates over random entries with hostile strings and values on window edges.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { countSeriesInStore } from '../../src/logs/stores/index.js';
import {
  AGGREGATES,
  FILTER_OPS,
  type Filter,
  type GroupCounts,
  type Scalar,
  type SeriesCounts,
  type SeriesSpec,
} from '../../src/model/series.js';
import { LEVELS } from '../../src/model/levels.js';
import type { Window } from '../../src/model/window.js';
import { oracleSeries, type FieldEntry } from '../helpers/oracle.js';
import { CH_URL, HOSTILE, PG_URL, chClient, chDrop, chSource, needServer, pgSource, uniqueName, withPg } from './support.js';

const T0 = 1_763_800_000_000;
const SPAN = 2 * 3600_000;

const NUMBERS = [0, 1, -1, 12.5, 0.1, 200, 500, 503, 1e21, 1e-7, 123456.789, 1.5e300, -42.25];
const NUMERIC_STRINGS = ['500', '5e2', '500.0', '-1', '+3', '.5', '1.', '12.5', ' 7', '0x10', 'abc', '1e400', '007'];
const PATTERNS = [
  '^u',
  '2$',
  '[0-9]{2}',
  '\\d+\\.5',
  '.',
  'x|y',
  '\\s',
  '%',
  '_',
  "'",
  '\\\\',
  '[^a-z]',
  'ü',
  '^$',
  '^5',
  'e\\+21',
  '\\.',
  'tru',
  '"',
];

const scalar = fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMERIC_STRINGS), fc.boolean());

/** Fields go in in this order, so a top-level key always comes before the nested `a` object (see clickhouse-series.ts). */
const fields = fc.record(
  {
    user: fc.oneof(fc.constantFrom(...HOSTILE), fc.constant(null)),
    status: fc.oneof(fc.constantFrom(200, 500, 503), fc.constantFrom(...NUMERIC_STRINGS), fc.constant(null)),
    dur: fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMERIC_STRINGS), fc.integer({ min: -5, max: 100 }), fc.boolean()),
    flag: fc.boolean(),
    obj: fc.constantFrom({}, [1, 2], { x: 'y' }),
    'a.b': fc.constantFrom(1, 'top'),
    a: fc.record(
      { b: fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom('x', '5')), status: fc.constantFrom(1, 'nested') },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const entry = fc.record({
  ts: fc.integer({ min: 0, max: SPAN }).map((o) => T0 + o),
  level: fc.constantFrom(...LEVELS),
  fields,
  message: fc.constantFrom(...HOSTILE),
  host: fc.option(fc.constantFrom(...HOSTILE), { nil: undefined }),
});

type Row = { ts: number; level: (typeof LEVELS)[number]; fields: Record<string, unknown>; message: string; host?: string };

/** What the oracle sees: the row's JSON fields plus the host column as a field. */
const asEntry = (r: Row): FieldEntry => {
  const num = numCol(r);
  const ok = okCol(r);
  const extra = { ...(r.host !== undefined ? { host: r.host } : {}), ...(num !== null ? { num } : {}), ...(ok !== null ? { ok } : {}) };
  return { ts: r.ts, level: r.level, message: r.message, fields: { ...r.fields, ...extra } };
};
/** Typed columns beside the JSON: `num` (a number column: dur when it is a number) and `ok` (boolean: flag). */
const numCol = (r: Row): number | null => (typeof r.fields.dur === 'number' ? r.fields.dur : null);
const okCol = (r: Row): boolean | null => (typeof r.fields.flag === 'boolean' ? r.fields.flag : null);

function scenario(fieldNames: string[]) {
  return fc.array(entry, { maxLength: 80 }).chain((rows) => {
    const edge = fc.oneof(
      fc.integer({ min: -60_000, max: SPAN + 60_000 }).map((o) => T0 + o),
      rows.length > 0
        ? fc.tuple(fc.constantFrom(...rows.map((e) => e.ts)), fc.constantFrom(-1, 0, 1)).map(([t, d]) => t + d)
        : fc.constant(T0),
    );
    const window = fc
      .tuple(edge, fc.integer({ min: 0, max: 3600_000 }), fc.boolean())
      .map(([a, len, fromIsEdge]): Window => (fromIsEdge ? { fromMs: a, toMs: a + len } : { fromMs: a - len, toMs: a }));
    const field = fc.constantFrom(...fieldNames);
    const filter: fc.Arbitrary<Filter> = fc.tuple(field, fc.constantFrom(...FILTER_OPS)).chain(([f, op]): fc.Arbitrary<Filter> => {
      switch (op) {
        case 'exists':
          return fc.constant({ field: f, op });
        case 'one_of':
          return fc.array(scalar, { minLength: 1, maxLength: 3 }).map((value) => ({ field: f, op, value }));
        case 'matches':
          return fc.constantFrom(...PATTERNS).map((value) => ({ field: f, op, value }));
        case 'contains':
          return fc
            .oneof(fc.constantFrom(...HOSTILE), fc.constantFrom('5', '.5', 'e+', 'ru', '0'))
            .map((value) => ({ field: f, op, value }));
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          return fc.constantFrom(...NUMBERS, 5, 499.5).map((value) => ({ field: f, op, value }));
        default:
          return scalar.map((value: Scalar) => ({ field: f, op, value }));
      }
    });
    const spec: fc.Arbitrary<SeriesSpec> = fc.record(
      {
        selection: fc.record({
          levels: fc.uniqueArray(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 5 }),
          where: fc.array(filter, { maxLength: 3 }),
        }),
        groupBy: fc.uniqueArray(fc.constantFrom(...fieldNames.filter((f) => f !== 'obj')), { minLength: 1, maxLength: 2 }),
        value: fc.record({
          field: fc.constantFrom(...fieldNames.filter((f) => ['dur', 'status', 'a.b', 'user', 'num'].includes(f))),
          aggregate: fc.constantFrom(...AGGREGATES),
        }),
      },
      { requiredKeys: ['selection'] },
    );
    return fc.record({
      rows: fc.constant(rows as Row[]),
      series: fc.array(spec, { minLength: 1, maxLength: 6 }),
      windows: fc.array(window, { minLength: 1, maxLength: 8 }),
    });
  });
}

/** Groups in a canonical order, so store and oracle answers compare with toEqual. */
function canonical(result: SeriesCounts[]): SeriesCounts[] {
  const k = (g: GroupCounts) => JSON.stringify(g.key);
  return result.map((s) => ({ ...s, groups: [...s.groups].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0)) }));
}

const tables: string[] = [];
afterEach(async () => {
  const names = tables.splice(0);
  if (PG_URL)
    await withPg(async (c) => {
      for (const t of names.filter((n) => n.startsWith('pg_'))) await c.query(`DROP TABLE IF EXISTS ${t}`);
    });
  if (CH_URL) for (const t of names.filter((n) => n.startsWith('ch_'))) await chDrop(t);
});

async function pgRows(table: string, rows: Row[]): Promise<void> {
  await withPg(async (c) => {
    await c.query(
      `CREATE TABLE ${table} (ts timestamptz NOT NULL, level text NOT NULL, message text, host varchar(100), num float8, ok boolean, fields jsonb)`,
    );
    if (rows.length === 0) return;
    await c.query(
      `INSERT INTO ${table} SELECT timestamptz 'epoch' + t * interval '1 millisecond', l, m, h, n, o, f
       FROM unnest($1::numeric[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::boolean[], $7::jsonb[]) AS u(t, l, m, h, n, o, f)`,
      [
        rows.map((r) => String(r.ts)),
        rows.map((r) => r.level),
        rows.map((r) => r.message),
        rows.map((r) => r.host ?? null),
        rows.map(numCol),
        rows.map(okCol),
        rows.map((r) => JSON.stringify(r.fields)),
      ],
    );
  });
}

async function chRows(table: string, rows: Row[]): Promise<void> {
  const c = chClient();
  try {
    await c.command({
      query: `CREATE TABLE ${table} (ts UInt64, level String, message String, host Nullable(String), num Nullable(Float64), fields String) ENGINE = MergeTree ORDER BY ts`,
    });
    if (rows.length > 0)
      await c.insert({
        table,
        format: 'JSONEachRow',
        values: rows.map((r) => ({
          ts: r.ts,
          level: r.level,
          message: r.message,
          host: r.host ?? null,
          num: numCol(r),
          fields: JSON.stringify(r.fields),
        })),
      });
  } finally {
    await c.close();
  }
}

const PG_FIELDS = ['user', 'status', 'dur', 'flag', 'obj', 'a.b', 'a.status', 'message', 'host', 'num', 'ok', 'nope'];
const CH_FIELDS = ['user', 'status', 'dur', 'flag', 'obj', 'message', 'host', 'num', 'nope'];

if (needServer('postgres')) {
  describe('postgres series ≡ oracle', () => {
    it('agrees for random filters, level sets, groups and values', async () => {
      await fc.assert(
        fc.asyncProperty(scenario(PG_FIELDS), async ({ rows, series, windows }) => {
          const t = uniqueName('pg_series');
          tables.push(t);
          await pgRows(t, rows);
          const source = pgSource(t, { message_column: 'message', columns: ['host', 'num', 'ok'], fields_column: 'fields' });
          const got = await countSeriesInStore(source, { series, windows }, { LOGS_PG_URL: PG_URL });
          expect(canonical(got)).toEqual(canonical(oracleSeries(rows.map(asEntry), series, windows)));
        }),
        { numRuns: 40 },
      );
    }, 120_000);
  });
}

if (needServer('clickhouse')) {
  describe('clickhouse series ≡ oracle', () => {
    it('agrees for random filters, level sets, groups and values', async () => {
      await fc.assert(
        fc.asyncProperty(scenario(CH_FIELDS), async ({ rows, series, windows }) => {
          const t = uniqueName('ch_series');
          tables.push(t);
          await chRows(t, rows);
          const source = chSource(t, { message_column: 'message', columns: ['host', 'num'], fields_column: 'fields' });
          const got = await countSeriesInStore(source, { series, windows }, { LOGS_CH_URL: CH_URL });
          expect(canonical(got)).toEqual(canonical(oracleSeries(rows.map(asEntry), series, windows)));
        }),
        { numRuns: 40 },
      );
    }, 180_000);
  });
}

// Exhaustive: every field × operator × value of the pools above as its own series, all in ONE query,
// over rows that hold every hostile value in every field: a translation slip in one operator on one
// value type shows up here even when the random runs above never draw it.
function exhaustiveRows(): Row[] {
  const values: unknown[] = [...HOSTILE, ...NUMBERS, ...NUMERIC_STRINGS, true, false, null, {}, [1], { x: 'y' }];
  return values.map((v, i) => {
    const fields: Record<string, unknown> = { user: v, status: values[(i + 7) % values.length], dur: v };
    if (i % 3 === 0) fields.a = { b: v, status: 'nested' };
    return {
      ts: T0 + (i % 7) * 60_000 + (i % 2),
      level: LEVELS[i % LEVELS.length] as Row['level'],
      fields,
      message: HOSTILE[i % HOSTILE.length] as string,
      host: typeof v === 'string' ? v : undefined,
    };
  });
}

function exhaustiveSeries(fieldNames: string[]): SeriesSpec[] {
  const out: SeriesSpec[] = [];
  const all = [...LEVELS];
  const scalars: Scalar[] = [...HOSTILE, ...NUMBERS, ...NUMERIC_STRINGS, true, false];
  for (const field of fieldNames) {
    const add = (f: Filter) => out.push({ selection: { levels: all, where: [f] } });
    add({ field, op: 'exists' });
    for (const value of scalars) {
      add({ field, op: 'equals', value });
      add({ field, op: 'not_equals', value });
    }
    add({ field, op: 'one_of', value: scalars.slice(0, 12) });
    for (const value of [...HOSTILE, '5', '.5', 'e+', 'ru', '0', '-', 'e-7']) add({ field, op: 'contains', value });
    for (const value of PATTERNS) add({ field, op: 'matches', value });
    for (const value of [...NUMBERS, 5, 499.5]) for (const op of ['gt', 'gte', 'lt', 'lte'] as const) add({ field, op, value });
    if (field !== 'obj') out.push({ selection: { levels: all, where: [] }, groupBy: [field] });
    for (const aggregate of AGGREGATES) out.push({ selection: { levels: all, where: [] }, value: { field, aggregate } });
  }
  return out;
}

const EDGE_WINDOWS: Window[] = [
  { fromMs: T0 - 1, toMs: T0 + 7 * 60_000 },
  { fromMs: T0, toMs: T0 + 60_000 },
  { fromMs: T0 + 1, toMs: T0 + 3 * 60_000 + 1 },
  { fromMs: T0 + 2 * 60_000, toMs: T0 + 2 * 60_000 },
];

if (PG_URL) {
  it('postgres: every operator on every hostile value and type (150 series a query) ≡ oracle', async () => {
    const t = uniqueName('pg_exh');
    tables.push(t);
    const rows = exhaustiveRows();
    await pgRows(t, rows);
    const series = exhaustiveSeries(PG_FIELDS);
    const source = pgSource(t, { message_column: 'message', columns: ['host', 'num', 'ok'], fields_column: 'fields' });
    // In slices of 150 rules (a realistic rule file); planning one statement of thousands of expressions is slow.
    const got: SeriesCounts[] = [];
    for (let i = 0; i < series.length; i += 150)
      got.push(...(await countSeriesInStore(source, { series: series.slice(i, i + 150), windows: EDGE_WINDOWS }, { LOGS_PG_URL: PG_URL })));
    const want = oracleSeries(rows.map(asEntry), series, EDGE_WINDOWS);
    canonical(got).forEach((s, i) => expect({ spec: series[i], ...s }).toEqual({ spec: series[i], ...canonical(want)[i] }));
  }, 120_000);
}

if (CH_URL) {
  it('clickhouse: every operator on every hostile value and type (150 series a query) ≡ oracle', async () => {
    const t = uniqueName('ch_exh');
    tables.push(t);
    const rows = exhaustiveRows();
    await chRows(t, rows);
    const series = exhaustiveSeries(CH_FIELDS);
    const source = chSource(t, { message_column: 'message', columns: ['host', 'num'], fields_column: 'fields' });
    // In slices: ClickHouse 18.16's analyser slows down sharply on statements with thousands of expressions.
    const got: SeriesCounts[] = [];
    for (let i = 0; i < series.length; i += 150)
      got.push(...(await countSeriesInStore(source, { series: series.slice(i, i + 150), windows: EDGE_WINDOWS }, { LOGS_CH_URL: CH_URL })));
    const want = oracleSeries(rows.map(asEntry), series, EDGE_WINDOWS);
    canonical(got).forEach((s, i) => expect({ spec: series[i], ...s }).toEqual({ spec: series[i], ...canonical(want)[i] }));
  }, 120_000);
}
