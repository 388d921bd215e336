// `npm run bench:evaluate`: how many `error` entries in the 15 minutes up to the data's last
// evaluation tick, on the reference data set of shared/docs/performance.md (5 M NDJSON lines,
// ~930 MB; bench/generate-logs.mjs), (a) shuffled and (b) time-ordered, side by side with `rg -c`
// on the level literal (no time filter at all), DuckDB's read_json count with the time filter, and a
// brute-force JSON.parse oracle. Ours is measured twice: the built CLI (`apialerts evaluate
// --dry-run`, start-up included) and the built library (createCountProvider in a bare node script).
// Medians of RUNS (default 3) after a warm-up, the methods' runs interleaved so that all see the
// machine's same slow and fast phases; wall time of each child process, peak RSS from
// /usr/bin/time. Every count must agree with the oracle, or the bench fails.
// Env: RUNS=5, LINES=5000000 (a smaller set for a quick look), THREADS (library row's scan threads, default 2).
import { execFileSync, spawnSync } from 'node:child_process';
import { bundle } from '../scripts/build.mjs';
import { existsSync, mkdtempSync, writeFileSync, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const LINES = Number(process.env.LINES ?? 5_000_000);
const WINDOW_MIN = 15;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const manifest = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'bench/generate-logs.mjs'), '--lines', String(LINES)], { encoding: 'utf8' }),
);
const files = { unordered: manifest.shuffled.path, ordered: manifest.ordered.path };
// The evaluation tick: interval 1 minute, "now" = the last timestamp in the data.
const tickMs = Math.floor(manifest.lastMs / 60_000) * 60_000;
const fromMs = tickMs - WINDOW_MIN * 60_000;
const iso = (ms) => new Date(ms).toISOString();
console.log(
  `data: ${LINES.toLocaleString('en')} lines, ${(manifest.ordered.bytes / 1e6).toFixed(0)} MB per file; window (${iso(fromMs)}, ${iso(tickMs)}], level error; ${RUNS} runs each, median`,
);

// Build the CLI and the library from the current sources into a temp dir (dist/ is left alone).
const tmp = mkdtempSync(join(tmpdir(), 'bench-evaluate-'));
for (const [name, entry] of [
  ['cli', 'src/cli/index.ts'],
  ['lib', 'src/lib/index.ts'],
]) {
  await bundle(join(ROOT, entry), join(tmp, name)); // as the CLI is built: minified, chunks too
  writeFileSync(join(tmp, name, 'package.json'), '{"type":"module"}');
}
const rules = join(tmp, 'rules.yml');
writeFileSync(
  rules,
  `project: bench
evaluation:
  interval_minutes: 1
sources:
  - name: logs
    path: unused.ndjson
rules:
  - id: 3f9a1c52-7b4e-4d21-9a6f-2c8e5b7d1a04
    name: errors in ${WINDOW_MIN} minutes
    level: error
    threshold: 1
    window_minutes: ${WINDOW_MIN}
    channels: [webhook]
    notify_webhook: https://example.com/hook
`,
);
const libScript = join(tmp, 'lib-count.mjs');
writeFileSync(
  libScript,
  `import { createCountProvider } from ${JSON.stringify(join(tmp, 'lib', 'index.js'))};
const [file, from, to, threads] = process.argv.slice(2);
const provider = createCountProvider([{ name: 'f', path: file }], { baseDir: '/', env: {}, scan: { threads: Number(threads || 2) } });
const r = await provider.count({ levels: ['error'], windows: [{ fromMs: Number(from), toMs: Number(to) }] });
console.log(JSON.stringify({ count: r.counts[0][0], stats: r.stats[0] }));
`,
);
const duckScript = `
import { DuckDBInstance } from '@duckdb/node-api';
const [file, from, to] = process.argv.slice(1);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const r = await con.runAndReadAll(\`select count(*) from read_json('\${file}', format = 'newline_delimited', columns = {level: 'VARCHAR', time: 'TIMESTAMPTZ'}) where level = 'error' and time > '\${from}'::TIMESTAMPTZ and time <= '\${to}'::TIMESTAMPTZ\`);
console.log(JSON.stringify({ count: Number(r.getRows()[0][0]) }));
`;
const hasDuck = existsSync(join(ROOT, 'node_modules/@duckdb/node-api'));
const hasRg = spawnSync('rg', ['--version']).status === 0;

/** Runs a command once: wall seconds, peak RSS (MB) and stdout. */
function once(cmd, args) {
  const argv = TIME ? [TIME, ['-f', '%M', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv[1], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rssKb = TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { s, rssMb: rssKb / 1024, out: r.stdout };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * Every method's median over RUNS, the runs interleaved (a, b, c, a, b, c, …) after a warm-up of
 * each: this machine class drifts between fast and slow phases over seconds, and the ratios compared
 * with the bars (CLI ÷ DuckDB) are only fair when both sides saw the same phases.
 */
function measureAll(methods) {
  const live = Object.entries(methods).filter(([, m]) => m);
  for (const [, m] of live) once(m.cmd, m.args); // warm-up: page cache, and the child's own caches
  const runs = new Map(live.map(([k]) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, m] of live) runs.get(k).push(once(m.cmd, m.args));
  return Object.fromEntries(
    Object.entries(methods).map(([k, m]) => {
      if (!m) return [k, null];
      const rs = runs.get(k);
      return [k, { s: median(rs.map((r) => r.s)), rssMb: Math.max(...rs.map((r) => r.rssMb)), count: m.parse(rs[0].out) }];
    }),
  );
}

/** Brute force: every line through JSON.parse, the question asked literally. */
function oracle(path) {
  const t0 = performance.now();
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const buf = Buffer.allocUnsafe(4 << 20);
  let carry = '';
  let count = 0;
  for (let pos = 0; pos < size;) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    pos += n;
    const lines = (carry + buf.toString('utf8', 0, n)).split('\n');
    carry = lines.pop();
    for (const line of lines) {
      if (!line) continue;
      const o = JSON.parse(line);
      const t = Date.parse(o.time);
      if (o.level === 'error' && t > fromMs && t <= tickMs) count++;
    }
  }
  closeSync(fd);
  if (carry) throw new Error('the data set should end with a newline');
  return { s: (performance.now() - t0) / 1000, count };
}

const result = {};
for (const [kind, path] of Object.entries(files)) {
  const r = (result[kind] = {});
  Object.assign(
    r,
    measureAll({
      rg: hasRg ? { cmd: 'rg', args: ['-c', '"level":"error"', path], parse: (o) => Number(o.trim()) } : null,
      duckdb: hasDuck
        ? {
            cmd: process.execPath,
            args: ['--input-type=module', '-e', duckScript, path, iso(fromMs), iso(tickMs)],
            parse: (o) => JSON.parse(o).count,
          }
        : null,
      cli: {
        cmd: process.execPath,
        args: [
          join(tmp, 'cli', 'index.js'),
          'evaluate',
          '--rules',
          rules,
          '--logs',
          path,
          '--now',
          iso(manifest.lastMs),
          '--dry-run',
          '--json',
          '--state',
          join(tmp, 'state.json'),
        ],
        parse: (o) => {
          const rep = JSON.parse(o);
          r.cliStats = rep.stats[0];
          return rep.rules[0].counts[0];
        },
      },
      lib: {
        cmd: process.execPath,
        args: [libScript, path, String(fromMs), String(tickMs), process.env.THREADS ?? ''],
        parse: (o) => JSON.parse(o).count,
      },
    }),
  );
  r.oracle = oracle(path);
}

const fmt = (x) => (x == null ? '—' : x.s.toFixed(3));
const ratio = (x, kind) => (x == null || !result[kind].rg ? '—' : `${(x.s / result[kind].rg.s).toFixed(1)}×`);
const rss = (x) => (x == null || Number.isNaN(x.rssMb) ? '—' : `${x.rssMb.toFixed(0)}`);
const table = [
  ['method', '(a) unordered s', '× rg', '(b) ordered s', '× rg', 'peak RSS MB (a / b)', 'count (a / b)'],
  ...[
    ['ours: CLI `evaluate --dry-run`', 'cli'],
    ['ours: library count (createCountProvider)', 'lib'],
    ['DuckDB read_json + time filter', 'duckdb'],
    ['rg -c \'"level":"error"\' (no time filter)', 'rg'],
    ['oracle: JSON.parse every line (in process)', 'oracle'],
  ].map(([label, key]) => [
    label,
    fmt(result.unordered[key]),
    ratio(result.unordered[key], 'unordered'),
    fmt(result.ordered[key]),
    ratio(result.ordered[key], 'ordered'),
    key === 'oracle' ? '—' : `${rss(result.unordered[key])} / ${rss(result.ordered[key])}`,
    `${result.unordered[key]?.count ?? '—'} / ${result.ordered[key]?.count ?? '—'}`,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
if (!hasRg) console.log('note: rg not installed (apt-get install ripgrep): its row and the ratios are skipped');
if (!hasDuck)
  console.log(
    'note: @duckdb/node-api not installed (npm install --no-save @duckdb/node-api; kept out of devDependencies because its lock entry pins platform binaries the registry does not carry for every OS): its row is skipped',
  );
for (const kind of ['unordered', 'ordered']) {
  const s = result[kind].cliStats;
  console.log(
    `${kind}: CLI read ${(s.bytesRead / 1e6).toFixed(1)} MB, skipped ${((s.skippedBytes ?? 0) / 1e6).toFixed(1)} MB, ${s.linesRead} lines (${s.unchecked ?? 0} not parsed, ${s.unreadable} unreadable)`,
  );
}

// Every count must be the oracle's.
const bad = [];
for (const kind of ['unordered', 'ordered']) {
  for (const key of ['cli', 'lib', 'duckdb']) {
    const got = result[kind][key];
    if (got && got.count !== result[kind].oracle.count) bad.push(`${kind} ${key}: ${got.count} ≠ oracle ${result[kind].oracle.count}`);
  }
}
if (bad.length > 0) {
  console.error(`COUNTS DISAGREE:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}

const bar = (ok, text) => console.log(`${ok ? 'met   ' : 'MISSED'}  ${text}`);
const u = result.unordered;
const o = result.ordered;
// Issue 14: "clearly faster than DuckDB's read_json count in the same run — at most 0.7× its time".
if (u.duckdb)
  bar(
    u.cli.s <= 0.7 * u.duckdb.s,
    `(a) unordered, CLI at most 0.7× DuckDB: ${(u.cli.s / u.duckdb.s).toFixed(2)}× (${u.cli.s.toFixed(3)} s vs ${u.duckdb.s.toFixed(3)} s; library: ${(u.lib.s / u.duckdb.s).toFixed(2)}×)`,
  );
if (u.rg)
  bar(
    u.cli.s <= 4 * u.rg.s,
    `(a) unordered, CLI within 4× rg -c: ${(u.cli.s / u.rg.s).toFixed(1)}× (library: ${(u.lib.s / u.rg.s).toFixed(1)}×)`,
  );
if (o.rg)
  bar(
    o.cli.s <= 2 * o.rg.s,
    `(b) ordered, CLI within 2× rg -c: ${(o.cli.s / o.rg.s).toFixed(1)}× (library: ${(o.lib.s / o.rg.s).toFixed(1)}×)`,
  );
const peak = Math.max(u.cli.rssMb, o.cli.rssMb, u.lib.rssMb, o.lib.rssMb);
if (!Number.isNaN(peak)) bar(peak < 150, `peak RSS under 150 MB: ${peak.toFixed(0)} MB`);

// The database sources (issue 6): the same data and window, counted by the pushed-down query.
const { storeRows } = await import('./store-rows.mjs');
const { countInStore } = await import(join(tmp, 'lib', 'index.js'));
const stores = await storeRows({ file: files.ordered, window: { fromMs, toMs: tickMs }, countInStore, runs: RUNS, median });
console.log('\n| database source | query s | × rg (ordered file) | count | |\n|---|---|---|---|---|');
for (const r of stores) {
  console.log(
    `| ${r.name} | ${r.seconds?.toFixed(3) ?? '—'} | ${r.seconds != null && o.rg ? `${(r.seconds / o.rg.s).toFixed(2)}×` : '—'} | ${r.count ?? '—'} | ${r.note} |`,
  );
  if (r.count != null && r.count !== o.oracle.count) {
    console.error(`COUNTS DISAGREE: ${r.name}: ${r.count} ≠ oracle ${o.oracle.count}`);
    process.exit(1);
  }
}
console.log('all counts agree with the oracle');
