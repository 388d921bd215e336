import pg from 'pg';
import type { Level } from '../../model/levels.js';
import type { Window } from '../../model/window.js';
import type { PostgresSource } from '../../rules/schema.js';
import { pgIdent, splitTable } from './sql.js';
import { windowCounts, windowEdges } from './buckets.js';
import { levelLookup } from './level-map.js';

/**
 * One query for all levels × windows: rows in (first edge, last edge] are grouped
 * by level and by the edge cell they fall in (width_bucket over the negated edges
 * gives the exclusive-start / inclusive-end cells exactly, even for microsecond
 * timestamps); the time range predicate uses the index on the timestamp column.
 */
export async function countPostgres(
  source: PostgresSource,
  url: string,
  query: { levels: Level[]; windows: Window[] },
): Promise<number[][]> {
  const { levels, windows } = query;
  const edges = windowEdges(windows);
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (levels.length === 0 || first === undefined || last === undefined) return levels.map(() => windows.map(() => 0));

  const { schema, name } = splitTable(source.table);
  const table = schema ? `${pgIdent(schema, 'schema')}.${pgIdent(name, 'table')}` : pgIdent(name, 'table');
  const ts = pgIdent(source.timestamp_column, 'timestamp_column');
  const lv = pgIdent(source.level_column, 'level_column');
  const lookup = levelLookup(levels, source.level_map);
  const levelText = lookup.storeValues ? `${lv}::text` : `lower(${lv}::text)`;
  const wantedValues = lookup.storeValues ?? levels;

  // width_bucket(-x, [-e_n … -e_0]) = number of edges >= x = n + 1 - k for x in (e_{k-1}, e_k].
  const negEdges = edges.map((e) => String(-e)).reverse();
  const sql =
    `SELECT ${levelText} AS level, width_bucket(-(extract(epoch FROM ${ts}) * 1000), $1::numeric[]) AS bucket, count(*) AS n ` +
    `FROM ${table} ` +
    `WHERE ${ts} > timestamptz 'epoch' + $2::bigint * interval '1 millisecond' ` +
    `AND ${ts} <= timestamptz 'epoch' + $3::bigint * interval '1 millisecond' ` +
    `AND ${levelText} = ANY($4::text[]) GROUP BY 1, 2`;

  const timeoutMs = Math.round(source.timeout_seconds * 1000);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 2000,
    application_name: 'apialerts-evaluate',
  });
  // A dropped connection emits 'error' on the client; the failed query reports it.
  client.on('error', () => {});
  await client.connect();
  try {
    const result = await client.query<{ level: string; bucket: number; n: string }>(sql, [
      negEdges,
      Math.floor(first),
      Math.ceil(last),
      wantedValues,
    ]);
    const n = edges.length - 1;
    const cells = levels.map(() => new Map<number, number>());
    for (const row of result.rows) {
      const k = n + 1 - Number(row.bucket);
      for (const i of lookup.indexesOf(row.level)) {
        const m = cells[i];
        if (m) m.set(k, (m.get(k) ?? 0) + Number(row.n));
      }
    }
    const edgeIndex = new Map(edges.map((e, k) => [e, k]));
    return windowCounts(cells, windows, (e) => edgeIndex.get(e) ?? 0);
  } finally {
    await client.end().catch(() => {});
  }
}
