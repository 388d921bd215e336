// Shared by the store tests: which real servers are available (scripts/test-services.sh
// starts them and exports TEST_POSTGRES_URL / TEST_CLICKHOUSE_URL), table setup, and a
// brute-force count (the shared oracle) to compare against.
import pg from 'pg';
import { createClient } from '@clickhouse/client';
import { randomBytes } from 'node:crypto';
import { it } from 'vitest';
import { oracleCount } from '../helpers/oracle.js';
import type { Level } from '../../src/model/levels.js';
import type { Window } from '../../src/model/window.js';
import { ClickHouseSourceSchema, PostgresSourceSchema } from '../../src/rules/schema.js';
import type { ClickHouseSource, PostgresSource } from '../../src/rules/schema.js';

export const PG_URL = process.env.TEST_POSTGRES_URL ?? '';
export const CH_URL = process.env.TEST_CLICKHOUSE_URL ?? '';
const IN_CI = process.env.CI === 'true';

/**
 * Outside CI without servers: skip, loudly. Inside CI (.ci/run starts them) a missing
 * server is a failure, never a skip.
 */
export function needServer(kind: 'postgres' | 'clickhouse'): boolean {
  const url = kind === 'postgres' ? PG_URL : CH_URL;
  const envName = kind === 'postgres' ? 'TEST_POSTGRES_URL' : 'TEST_CLICKHOUSE_URL';
  if (url) return true;
  if (IN_CI) {
    it(`${kind} server is available (CI)`, () => {
      throw new Error(`${envName} is not set: .ci/run must start ${kind} via scripts/test-services.sh`);
    });
  } else {
    console.warn(`\n*** SKIPPING ${kind} store tests: ${envName} is not set. Run: eval "$(scripts/test-services.sh start)" ***\n`);
    it.skip(`${kind} store tests (${envName} not set)`, () => {});
  }
  return false;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export interface Entry {
  ts: number;
  level: Level;
}

/** The specification, by the evaluator's shared brute-force oracle: entries at level with from < ts <= to. */
export function bruteCount(entries: Entry[], levels: Level[], windows: Window[]): number[][] {
  return levels.map((l) => windows.map((w) => oracleCount(entries, l, w.fromMs, w.toMs)));
}

export function pgSource(table: string, extra: Record<string, unknown> = {}): PostgresSource {
  return PostgresSourceSchema.parse({ name: 'pglogs', kind: 'postgres', url_env: 'LOGS_PG_URL', table, ...extra });
}

export function chSource(table: string, extra: Record<string, unknown> = {}): ClickHouseSource {
  return ClickHouseSourceSchema.parse({ name: 'chlogs', kind: 'clickhouse', url_env: 'LOGS_CH_URL', table, ...extra });
}

export async function withPg<T>(fn: (c: pg.Client) => Promise<T>, url = PG_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A timestamptz-indexed table holding `entries` (ts in epoch ms, fractions allowed). */
export async function pgTable(table: string, entries: Entry[], levelType = 'text'): Promise<void> {
  await withPg(async (c) => {
    await c.query(`CREATE TABLE ${table} (ts timestamptz NOT NULL, level ${levelType} NOT NULL, message text)`);
    await c.query(`CREATE INDEX ON ${table} (ts)`);
    if (entries.length > 0) {
      await c.query(
        `INSERT INTO ${table} (ts, level) SELECT timestamptz 'epoch' + t * interval '1 millisecond', l::${levelType}
         FROM unnest($1::numeric[], $2::text[]) AS u(t, l)`,
        [entries.map((e) => String(e.ts)), entries.map((e) => e.level)],
      );
    }
  });
}

export function chClient(url = CH_URL) {
  return createClient({ url });
}

/** tsType: DateTime (seconds; entries must be whole seconds) or UInt64 (epoch ms). */
export async function chTable(table: string, entries: Entry[], tsType: 'DateTime' | 'UInt64' = 'UInt64'): Promise<void> {
  const c = chClient();
  try {
    await c.command({ query: `CREATE TABLE ${table} (ts ${tsType}, level String, message String) ENGINE = MergeTree ORDER BY ts` });
    if (entries.length > 0) {
      await c.insert({
        table,
        format: 'JSONEachRow',
        values: entries.map((e) => ({ ts: tsType === 'DateTime' ? Math.floor(e.ts / 1000) : e.ts, level: e.level, message: '' })),
      });
    }
  } finally {
    await c.close();
  }
}

export async function chDrop(table: string): Promise<void> {
  const c = chClient();
  try {
    await c.command({ query: `DROP TABLE IF EXISTS ${table}` });
  } finally {
    await c.close();
  }
}

/** Strings that break naive SQL, LIKE, regex or JSON handling. (No NUL: PostgreSQL text cannot hold it.) */
export const HOSTILE = [
  '',
  "o'brien",
  "''",
  'say "hi"',
  'back\\slash',
  '\\',
  "\\'",
  '100%',
  '%',
  'a_b',
  '_',
  'ünïcödé',
  '日本語',
  '😀 smile',
  'line\nbreak',
  'tab\there',
  "x'); DROP TABLE t; --",
  '{"json":1}',
  '$1',
  '?',
  'a.b',
  'u1',
  'u2',
];
