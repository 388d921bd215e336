import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { Level } from '../../model/levels.js';
import type { Window } from '../../model/window.js';
import type { ClickHouseSource } from '../../rules/schema.js';
import { chIdent, intLiteral, splitTable } from './sql.js';
import { edgeGrid, windowCounts, windowEdges } from './buckets.js';
import { levelLookup } from './level-map.js';

/**
 * ClickHouse 18.16 (Debian's) has no `{name:Type}` query parameters and no
 * DateTime64, so the count query carries only validated, quoted identifiers and
 * integer literals. All window edges lie on a grid (origin, step = gcd of their
 * offsets; minute-aligned ticks give a one-minute step), so a row's cell is plain
 * integer arithmetic and one GROUP BY (level, cell) answers every window.
 */
export async function countClickHouse(
  source: ClickHouseSource,
  url: string,
  query: { levels: Level[]; windows: Window[] },
): Promise<number[][]> {
  const { levels, windows } = query;
  for (const w of windows) {
    intLiteral(w.fromMs, 'window start');
    intLiteral(w.toMs, 'window end');
  }
  const edges = windowEdges(windows);
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (levels.length === 0 || first === undefined || last === undefined) return levels.map(() => windows.map(() => 0));

  const { schema, name } = splitTable(source.table);
  const table = schema ? `${chIdent(schema, 'schema')}.${chIdent(name, 'table')}` : chIdent(name, 'table');
  const ts = chIdent(source.timestamp_column, 'timestamp_column');
  const lv = chIdent(source.level_column, 'level_column');
  const timeoutMs = Math.round(source.timeout_seconds * 1000);

  const client = createClient({
    url,
    request_timeout: timeoutMs + 2000,
    application: 'apialerts-evaluate',
    // Failures surface as our own UserError; the client's console advice would only add noise to action logs.
    log: { level: ClickHouseLogLevel.OFF },
    clickhouse_settings: { max_execution_time: Math.max(1, Math.ceil(source.timeout_seconds)) },
  });
  try {
    const type = await columnType(client, schema, name, source.timestamp_column);
    const time = timeExpressions(type, ts, first, last, source.timestamp_column);
    const { origin, step } = edgeGrid(edges);
    // ceil((ms - origin) / step): cell k holds (origin + (k-1)·step, origin + k·step].
    const cell = `intDiv(${time.ms} - ${intLiteral(origin, 'origin')} + ${intLiteral(step - 1, 'step')}, ${intLiteral(step, 'step')})`;
    const sql =
      `SELECT toString(${lv}) AS level, ${cell} AS cell, count() AS n FROM ${table} ` +
      `WHERE ${time.range} AND ${time.ms} > ${intLiteral(first, 'start')} AND ${time.ms} <= ${intLiteral(last, 'end')} ` +
      `GROUP BY level, cell`;
    const result = await client.query({ query: sql, format: 'JSONEachRow' });
    const rows = await result.json<{ level: string; cell: number | string; n: number | string }>();

    const lookup = levelLookup(levels, source.level_map);
    const cells = levels.map(() => new Map<number, number>());
    for (const row of rows) {
      const k = Number(row.cell);
      for (const i of lookup.indexesOf(row.level)) {
        const m = cells[i];
        if (m) m.set(k, (m.get(k) ?? 0) + Number(row.n));
      }
    }
    return windowCounts(cells, windows, (e) => (e - origin) / step);
  } finally {
    await client.close().catch(() => {});
  }
}

type Client = ReturnType<typeof createClient>;

/** The timestamp column's type decides how to read it as epoch milliseconds. */
async function columnType(client: Client, schema: string | undefined, table: string, column: string): Promise<string> {
  const cols = await tableColumns(client, schema, table);
  const type = cols.get(column);
  if (type === undefined) throw new Error(`table ${table} has no column ${column} (timestamp_column)`);
  return type.replace(/^Nullable\((.*)\)$/, '$1');
}

/** Column name → type of the table (throws when the table does not exist). */
export async function tableColumns(client: Client, schema: string | undefined, table: string): Promise<Map<string, string>> {
  // Identifiers were validated by splitTable/chIdent: safe inside string literals (no quotes or backslashes).
  const db = schema === undefined ? 'currentDatabase()' : `'${schema}'`;
  const result = await client.query({
    query: `SELECT name, type FROM system.columns WHERE database = ${db} AND table = '${table}'`,
    format: 'JSONEachRow',
  });
  const cols = await result.json<{ name: string; type: string }>();
  if (cols.length === 0) throw new Error(`table ${schema ? `${schema}.` : ''}${table} does not exist`);
  return new Map(cols.map((c) => [c.name, c.type]));
}

export function timeExpressions(type: string, ts: string, first: number, last: number, column: string): { ms: string; range: string } {
  if (/^DateTime(\(|$)/.test(type)) {
    // Seconds: s·1000 > first ⇔ s > floor(first/1000); s·1000 <= last ⇔ s <= floor(last/1000). Uses the ORDER BY key.
    return {
      ms: `(toInt64(toUInt32(${ts})) * 1000)`,
      range: `${ts} > toDateTime(${intLiteral(Math.floor(first / 1000), 'start')}) AND ${ts} <= toDateTime(${intLiteral(Math.floor(last / 1000), 'end')})`,
    };
  }
  if (/^DateTime64\(/.test(type)) {
    return {
      ms: `toUnixTimestamp64Milli(${ts})`,
      range: `${ts} > fromUnixTimestamp64Milli(toInt64(${intLiteral(first, 'start')})) AND ${ts} <= fromUnixTimestamp64Milli(toInt64(${intLiteral(last, 'end')}))`,
    };
  }
  if (/^U?Int(32|64)$/.test(type)) {
    return { ms: `toInt64(${ts})`, range: '1' };
  }
  throw new Error(`timestamp_column ${column} has type ${type}; expected DateTime, DateTime64 or an integer of epoch milliseconds`);
}
