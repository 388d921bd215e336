// Rows of `npm run bench:evaluate` for the database sources (issue 6): the reference NDJSON file
// loaded once into PostgreSQL and ClickHouse (the servers of scripts/test-services.sh), then the same
// 15-minute window counted with the pushed-down query through the built library's countInStore.
// Skipped, with a note, when TEST_POSTGRES_URL / TEST_CLICKHOUSE_URL are not set.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const BATCH = 200_000;

/** Streams (ts ms, level) pairs out of the reference file without a full JSON.parse per line. */
async function* entries(file) {
  let batch = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const level = /"level":"(\w+)"/.exec(line)?.[1];
    const time = /"time":"([^"]+)"/.exec(line)?.[1];
    if (!level || !time) continue;
    batch.push([Date.parse(time), level]);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function loadPostgres(url, file) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS bench_reference_logs');
    await c.query('CREATE UNLOGGED TABLE bench_reference_logs (ts timestamptz NOT NULL, level text NOT NULL)');
    let rows = 0;
    for await (const batch of entries(file)) {
      await c.query(
        `INSERT INTO bench_reference_logs (ts, level) SELECT timestamptz 'epoch' + t * interval '1 millisecond', l FROM unnest($1::bigint[], $2::text[]) AS u(t, l)`,
        [batch.map((e) => e[0]), batch.map((e) => e[1])],
      );
      rows += batch.length;
    }
    await c.query('CREATE INDEX ON bench_reference_logs (ts)');
    await c.query('ANALYZE bench_reference_logs');
    return rows;
  } finally {
    await c.end();
  }
}

async function loadClickHouse(url, file) {
  const { createClient } = await import('@clickhouse/client');
  const c = createClient({ url, request_timeout: 600_000, log: { level: 127 } });
  try {
    await c.command({ query: 'DROP TABLE IF EXISTS bench_reference_logs' });
    await c.command({ query: 'CREATE TABLE bench_reference_logs (ts UInt64, level String) ENGINE = MergeTree ORDER BY ts' });
    let rows = 0;
    for await (const batch of entries(file)) {
      await c.insert({ table: 'bench_reference_logs', format: 'JSONEachRow', values: batch.map(([ts, level]) => ({ ts, level })) });
      rows += batch.length;
    }
    return rows;
  } finally {
    await c.close();
  }
}

/**
 * @param {{ file: string, window: { fromMs: number, toMs: number }, countInStore: Function, runs: number, median: (xs: number[]) => number }} o
 * @returns {Promise<{ name: string, seconds?: number, count?: number, note: string }[]>}
 */
export async function storeRows({ file, window, countInStore, runs, median }) {
  const pgUrl = process.env.TEST_POSTGRES_URL;
  const chUrl = process.env.TEST_CLICKHOUSE_URL;
  if (!pgUrl || !chUrl) return [{ name: 'postgres / clickhouse', note: 'skipped: run eval "$(scripts/test-services.sh start)" first' }];
  const rows = [];
  for (const [kind, url, load] of [
    ['postgres', pgUrl, loadPostgres],
    ['clickhouse', chUrl, loadClickHouse],
  ]) {
    const t = performance.now();
    const loaded = await load(url, file);
    const loadS = (performance.now() - t) / 1000;
    const source = {
      name: kind,
      kind,
      url_env: 'U',
      table: 'bench_reference_logs',
      timestamp_column: 'ts',
      level_column: 'level',
      timeout_seconds: 60,
    };
    const times = [];
    let count;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      count = (await countInStore(source, { levels: ['error'], windows: [window] }, { U: url }))[0][0];
      times.push((performance.now() - s) / 1000);
    }
    rows.push({
      name: `${kind} (pushdown query)`,
      seconds: median(times),
      count,
      note: `${loaded} rows, loaded in ${loadS.toFixed(1)} s (not timed)`,
    });
  }
  return rows;
}
