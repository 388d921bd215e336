// Bad input to the series pushdown: a clear error naming the source and the field, exit code 2; and the
// ClickHouse literal writer against hostile strings (18.16 has no query parameters).
import { describe, expect, it } from 'vitest';
import { countSeriesInStore } from '../../src/logs/stores/index.js';
import { chString } from '../../src/logs/stores/sql.js';
import { translateRegex } from '../../src/logs/stores/regex.js';
import type { SeriesQuery } from '../../src/model/series.js';
import { UserError } from '../../src/util/errors.js';
import { CH_URL, HOSTILE, PG_URL, chClient, chDrop, chSource, needServer, pgSource, uniqueName, withPg } from './support.js';

const T0 = 1_763_800_000_000;
const W = [{ fromMs: T0, toMs: T0 + 60_000 }];
const q = (field: string, op: 'equals' | 'matches' = 'equals', value: string = 'x'): SeriesQuery => ({
  windows: W,
  series: [{ selection: { levels: ['error'], where: [{ field, op, value }] } }],
});

async function rejects(p: Promise<unknown>, ...parts: (string | RegExp)[]): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).exitCode).toBe(2);
  for (const part of parts) expect((err as Error).message).toMatch(part);
}

if (needServer('postgres')) {
  describe('postgres: fields the source cannot provide', () => {
    it('a field outside columns without fields_column, and message without message_column, name source and field', async () => {
      const env = { LOGS_PG_URL: PG_URL };
      await rejects(
        countSeriesInStore(pgSource('any_table', { columns: ['host'] }), q('user'), env),
        /source "pglogs"/,
        /field "user"/,
        /columns \(host\)/,
        /fields_column/,
      );
      await rejects(countSeriesInStore(pgSource('any_table'), q('message'), env), /source "pglogs"/, /field "message"/, /message_column/);
      await rejects(
        countSeriesInStore(pgSource('any_table', { fields_column: 'f' }), q('msg', 'matches', '\\bword'), env),
        /field "msg"/,
        /word boundaries/,
      );
    });
  });
}

if (needServer('clickhouse')) {
  describe('clickhouse 18.16: what cannot be read exactly is refused', () => {
    it('dotted paths into fields_column, unsupported column types, and a nested key before the top-level one', async () => {
      const t = uniqueName('ch_err');
      const c = chClient();
      try {
        await c.command({
          query: `CREATE TABLE ${t} (ts UInt64, level String, tags Array(String), fields String) ENGINE = MergeTree ORDER BY ts`,
        });
        await c.insert({
          table: t,
          format: 'JSONEachRow',
          values: [{ ts: T0 + 1, level: 'error', tags: [], fields: JSON.stringify({ a: { user: 'nested' }, user: 'top' }) }],
        });
        const env = { LOGS_CH_URL: CH_URL };
        const src = chSource(t, { columns: ['tags'], fields_column: 'fields' });
        await rejects(countSeriesInStore(src, q('a.user'), env), /source "chlogs"/, /field "a.user"/, /dotted path/);
        await rejects(countSeriesInStore(src, q('tags'), env), /field "tags"/, /Array\(String\)/);
        await rejects(countSeriesInStore(src, q('user'), env), /source "chlogs"/, /field "user"/, /nested/, /columns:/);
      } finally {
        await c.close();
        await chDrop(t);
      }
    });

    it('string literals round-trip hostile values exactly through the server', async () => {
      const c = chClient();
      try {
        const values = [...HOSTILE, "\\'; SELECT 1; --", "\\\\'", '\u0000nul', '\u0001\u001f\u007f', 'é\u2028\u2029', "'''", '\\x41'];
        const sql = `SELECT [${values.map(chString).join(', ')}] AS v`;
        const rows = await (await c.query({ query: sql, format: 'JSONEachRow' })).json<{ v: string[] }>();
        expect(rows[0]?.v).toEqual(values);
      } finally {
        await c.close();
      }
    });
  });
}

describe('regex translation for the stores', () => {
  it('keeps JavaScript meaning where the stores differ, refuses what has no exact form', () => {
    expect(translateRegex('a.b', 'clickhouse')).toBe('a[^\n\r\u2028\u2029]b');
    expect(translateRegex('\\d+', 'postgres')).toBe('[0-9]+');
    expect(translateRegex('\\x41B', 'postgres')).toBe('AB');
    expect(() => translateRegex('\\bword', 'postgres')).toThrow(/word boundaries/);
    expect(() => translateRegex('[\\D]', 'postgres')).toThrow(/bracket class/);
  });
});

if (PG_URL) {
  it('postgres: the table is never touched by a hostile value (parameters, not text)', async () => {
    const t = uniqueName('pg_hostile');
    await withPg(async (c) => {
      await c.query(`CREATE TABLE ${t} (ts timestamptz, level text, fields jsonb)`);
    });
    try {
      const src = pgSource(t, { fields_column: 'fields' });
      for (const v of HOSTILE) await countSeriesInStore(src, q('user', 'equals', v), { LOGS_PG_URL: PG_URL });
      await withPg(async (c) => expect((await c.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]).toEqual({ n: 0 }));
    } finally {
      await withPg(async (c) => c.query(`DROP TABLE IF EXISTS ${t}`));
    }
  });
}
