// Query time of the pushed-down count (src/logs/stores) on PostgreSQL and ClickHouse, next to a
// plain NDJSON scan of the same rows (the file source's floor: read + parse every line).
// Needs the servers from scripts/test-services.sh. Usage:
//   eval "$(scripts/test-services.sh start)" && npm run -s bench:stores
//   (CH_ROWS=10000000 PG_ROWS=2000000 FILE_ROWS=2000000 RUNS=5 to change)
//   BASELINE=<git ref>: also bundle src/logs/stores of that commit and time its 200-rule query beside
//   this tree's, runs interleaved (new, baseline, new, …) so both see the same machine load.
// Rows are spread evenly over one day, level mix 1 % error; the data set is generated inside each
// server (INSERT … SELECT) so loading is quick. Queries: one 15-minute error window (an evaluation
// tick) and 1440 such windows on the minute grid (a one-day backtest), median of RUNS.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const CH_ROWS = Number(process.env.CH_ROWS ?? 10_000_000);
const PG_ROWS = Number(process.env.PG_ROWS ?? 2_000_000);
const FILE_ROWS = Number(process.env.FILE_ROWS ?? 2_000_000);
const RUNS = Number(process.env.RUNS ?? 5);
const REUSE = (process.env.REUSE ?? '').split(',');
const PG_URL = process.env.TEST_POSTGRES_URL;
const CH_URL = process.env.TEST_CLICKHOUSE_URL;
if (!PG_URL || !CH_URL) {
  console.error('TEST_POSTGRES_URL / TEST_CLICKHOUSE_URL not set: eval "$(scripts/test-services.sh start)" first');
  process.exit(1);
}

const DAY = 86_400_000;
const T0 = 1_763_769_600_000; // a midnight UTC
const dir = mkdtempSync(join(tmpdir(), 'bench-stores-'));
// Bundle the store module on its own (dist/ is left alone).
execFileSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(ROOT, 'src/logs/stores/index.ts'),
    '-o',
    join(dir, 'stores'),
    '--quiet',
  ],
  { stdio: 'inherit' },
);
writeFileSync(join(dir, 'stores', 'package.json'), '{"type":"module"}');
const { countInStore, countSeriesInStore } = await import(pathToFileURL(join(dir, 'stores', 'index.js')).href);
const BASELINE = process.env.BASELINE;
let baseline;
if (BASELINE) {
  const base = join(dir, 'base');
  execFileSync('mkdir', ['-p', base]);
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${BASELINE}" src tsconfig.json package.json | tar -x -C "${base}"`]);
  execFileSync('ln', ['-s', join(ROOT, 'node_modules'), join(base, 'node_modules')]);
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      join(base, 'src/logs/stores/index.ts'),
      '-o',
      join(dir, 'base-stores'),
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(join(dir, 'base-stores', 'package.json'), '{"type":"module"}');
  baseline = await import(pathToFileURL(join(dir, 'base-stores', 'index.js')).href);
}
const pg = (await import('pg')).default;
const { createClient } = await import('@clickhouse/client');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Both versions' medians, runs interleaved so that both see the same load. */
async function timePair(fnNew, fnBase, label) {
  console.error(`… ${label}`);
  const a = [];
  const b = [];
  let result;
  let baseResult;
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    result = await fnNew();
    a.push(performance.now() - t);
    t = performance.now();
    baseResult = await fnBase();
    b.push(performance.now() - t);
  }
  return { ms: median(a), baseMs: median(b), result, same: JSON.stringify(result) === JSON.stringify(baseResult) };
}
async function time(fn, label = '') {
  if (label) console.error(`… ${label}`);
  const ms = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await fn();
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), result };
}
const oneTick = [{ fromMs: T0 + DAY / 2 - 15 * 60_000, toMs: T0 + DAY / 2 }];
const backtest = Array.from({ length: 1440 }, (_, k) => ({ fromMs: T0 + k * 60_000 - 15 * 60_000, toMs: T0 + k * 60_000 }));
const rows = [];
const seriesRows = [];

// 200 rules at one evaluation tick, each with its own filter (issue 14 "Speed"): a level set, and an
// equality on a column, a regular expression on the message, a numeric comparison, or all three;
// windows of 5, 15 and 60 minutes ending at the tick. One countSeriesInStore call (one statement).
const SERIES_SOURCE = { message_column: 'message', columns: ['service', 'status', 'duration_ms'] };
const LEVEL_SETS = [['error'], ['warn', 'error', 'fatal'], ['debug', 'info', 'warn', 'error', 'fatal'], ['info']];
const RULES_200 = Array.from({ length: 200 }, (_, i) => {
  const eq = { field: 'service', op: 'equals', value: `svc${i % 50}` };
  const re = { field: 'message', op: 'matches', value: `^req [0-9]*${i % 100}$` };
  const gt = { field: 'duration_ms', op: 'gt', value: (i % 100) * 10 };
  const where = [[eq], [re], [gt], [eq, re, gt]][i % 4];
  return { selection: { levels: LEVEL_SETS[i % LEVEL_SETS.length], where } };
});
const TICK = T0 + DAY / 2;
// RULE_WINDOWS=15 (default): every rule's window is 15 minutes; e.g. RULE_WINDOWS=5,15,60 mixes lengths.
const RULE_WINDOWS = (process.env.RULE_WINDOWS ?? '15').split(',').map((m) => ({ fromMs: TICK - Number(m) * 60_000, toMs: TICK }));

/** One store's rows: the plain count (one tick, a day's backtest) and the 200 filtered rules. */
async function measureStore(name, src, nrows, url, loadMs) {
  const a = await time(() => countInStore(src, { levels: ['error'], windows: oneTick }, { U: url }), `${name}: plain count`);
  const b = await time(() => countInStore(src, { levels: ['error'], windows: backtest }, { U: url }));
  rows.push({
    source: name,
    rows: nrows,
    load_s: (loadMs / 1000).toFixed(1),
    tick_ms: a.ms.toFixed(1),
    tick_count: a.result[0][0],
    backtest_1440_ms: b.ms.toFixed(1),
  });
  const run200 = (impl) => () =>
    impl.countSeriesInStore({ ...src, ...SERIES_SOURCE }, { series: RULES_200, windows: RULE_WINDOWS }, { U: url });
  const s200 = baseline
    ? await timePair(run200({ countSeriesInStore }), run200(baseline), `${name}: 200 rules (this tree, baseline)`)
    : await time(run200({ countSeriesInStore }), `${name}: 200 rules`);
  console.error(s200.ms.toFixed(1), 'ms', s200.baseMs === undefined ? '' : `(baseline ${s200.baseMs.toFixed(1)} ms)`);
  seriesRows.push({
    source: name,
    rows: nrows,
    series: RULES_200.length,
    windows: RULE_WINDOWS.length,
    ms: s200.ms.toFixed(1),
    ...(baseline ? { baseline_ms: s200.baseMs.toFixed(1), ratio: (s200.ms / s200.baseMs).toFixed(2), same_answer: s200.same } : {}),
    plain_tick_ms: a.ms.toFixed(1),
    matched_first_rule: s200.result[0].groups[0].counts[0],
  });
}

// PostgreSQL
{
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  const t = performance.now();
  // REUSE=postgres,clickhouse: keep that store's table from a previous run (same row counts); only time the queries.
  if (!REUSE.includes('postgres')) {
    await c.query('DROP TABLE IF EXISTS bench_logs');
    await c.query(
      'CREATE TABLE bench_logs (ts timestamptz NOT NULL, level text NOT NULL, message text, service text, status int, duration_ms float8)',
    );
    await c.query(
      `INSERT INTO bench_logs SELECT timestamptz 'epoch' + ($1::bigint + (i * ($2::bigint / $3::bigint))) * interval '1 millisecond',
       CASE WHEN i % 100 = 0 THEN 'error' WHEN i % 10 = 0 THEN 'warn' ELSE 'info' END, 'req ' || i, 'svc' || (i % 50), 200 + (i % 7) * 50, (i % 1000) * 1.5
       FROM generate_series(0, $3::bigint - 1) i`,
      [T0, DAY, PG_ROWS],
    );
    await c.query('CREATE INDEX ON bench_logs (ts)');
    await c.query('ANALYZE bench_logs');
  }
  const loadMs = performance.now() - t;
  await c.end();
  const src = {
    name: 'pg',
    kind: 'postgres',
    url_env: 'U',
    table: 'bench_logs',
    timestamp_column: 'ts',
    level_column: 'level',
    timeout_seconds: 60,
  };
  await measureStore('postgres', src, PG_ROWS, PG_URL, loadMs);
}

// ClickHouse
{
  const c = createClient({ url: CH_URL, request_timeout: 600_000, log: { level: 127 } }); // 127 = OFF: the LowCardinality fallback below is expected on 18.16
  const t = performance.now();
  if (!REUSE.includes('clickhouse')) {
    await c.command({ query: 'DROP TABLE IF EXISTS bench_logs' });
    const cols = 'message String, service String, status UInt16, duration_ms Float64';
    await c
      .command({ query: `CREATE TABLE bench_logs (ts DateTime, level LowCardinality(String), ${cols}) ENGINE = MergeTree ORDER BY ts` })
      .catch(async () =>
        // 18.16 has LowCardinality only as an experimental type: fall back to String.
        c.command({ query: `CREATE TABLE bench_logs (ts DateTime, level String, ${cols}) ENGINE = MergeTree ORDER BY ts` }),
      );
    const step = DAY / CH_ROWS; // ms per row
    await c.command({
      query: `INSERT INTO bench_logs SELECT toDateTime(intDiv(${T0} + toUInt64(number * ${step}), 1000)), multiIf(number % 100 = 0, 'error', number % 10 = 0, 'warn', 'info'), concat('req ', toString(number)), concat('svc', toString(number % 50)), 200 + (number % 7) * 50, (number % 1000) * 1.5 FROM system.numbers LIMIT ${CH_ROWS}`,
    });
  }
  const loadMs = performance.now() - t;
  await c.close();
  const src = {
    name: 'ch',
    kind: 'clickhouse',
    url_env: 'U',
    table: 'bench_logs',
    timestamp_column: 'ts',
    level_column: 'level',
    timeout_seconds: 60,
  };
  await measureStore('clickhouse', src, CH_ROWS, CH_URL, loadMs);
}

// NDJSON scan: every line read and parsed, as any file source must do at least once.
{
  const file = join(dir, 'logs.ndjson');
  const out = createWriteStream(file);
  for (let i = 0; i < FILE_ROWS; i++) {
    const level = i % 100 === 0 ? 'error' : i % 10 === 0 ? 'warn' : 'info';
    if (!out.write(`{"ts":"${new Date(T0 + Math.floor((i * DAY) / FILE_ROWS)).toISOString()}","level":"${level}","message":"m"}\n`))
      await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  const w = oneTick[0];
  const a = await time(async () => {
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(file) })) {
      const e = JSON.parse(line);
      const ts = Date.parse(e.ts);
      if (e.level === 'error' && ts > w.fromMs && ts <= w.toMs) n++;
    }
    return [[n]];
  });
  rows.push({
    source: 'ndjson scan (baseline)',
    rows: FILE_ROWS,
    load_s: '-',
    tick_ms: a.ms.toFixed(1),
    tick_count: a.result[0][0],
    backtest_1440_ms: '-',
  });
}

console.table(rows);
console.log(
  `200 filtered rules, one tick (windows of ${process.env.RULE_WINDOWS ?? '15'} minutes), one statement per store; median of RUNS:`,
);
console.table(seriesRows);
rmSync(dir, { recursive: true, force: true });
