// `npm run bench:lifecycle`: a value rule (p95 of duration_ms) next to the count rule of
// bench:evaluate (error entries in 15 minutes), on the reference data set (bench/generate-logs.mjs;
// LINES=5000000 by default, DATA=<dir> to use an already generated set), through the built CLI
// (`apialerts evaluate --dry-run`, start-up included). Medians of RUNS (default 3) after a warm-up.
// The p95 is checked against a brute-force nearest-rank percentile of the same window.
// Usage: npm run build && npm run -s bench:lifecycle
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const LINES = Number(process.env.LINES ?? 5_000_000);
const WINDOW_MIN = 15;
const args = ['--lines', String(LINES), ...(process.env.DATA ? ['--out', process.env.DATA] : [])];
const manifest = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bench/generate-logs.mjs'), ...args], { encoding: 'utf8' }));
const tickMs = Math.floor(manifest.lastMs / 60_000) * 60_000;
const fromMs = tickMs - WINDOW_MIN * 60_000;
const tmp = mkdtempSync(join(tmpdir(), 'bench-lifecycle-'));
const rule = (extra) => `project: bench
evaluation:
  interval_minutes: 1
sources:
  - name: logs
    path: unused.ndjson
rules:
  - id: 3f9a1c52-7b4e-4d21-9a6f-2c8e5b7d1a04
    name: bench rule
    window_minutes: ${WINDOW_MIN}
    channels: [webhook]
    notify_webhook: https://example.com/hook
${extra}`;
writeFileSync(join(tmp, 'count.yml'), rule('    level: error\n    threshold: 1\n'));
writeFileSync(join(tmp, 'p95.yml'), rule('    level: info\n    threshold: 1\n    value: { field: duration_ms, aggregate: p95 }\n'));

function timeOnce(rules, file) {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'dist/cli/index.js'),
      'evaluate',
      '--dry-run',
      '--json',
      '--rules',
      rules,
      '--logs',
      file,
      '--state',
      join(tmp, 'state.json'),
      '--now',
      new Date(tickMs).toISOString(),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`evaluate exited ${r.status}: ${r.stderr}`);
  return { seconds, report: JSON.parse(r.stdout) };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The oracle: every info entry's duration_ms in the window, nearest rank.
const values = [];
for await (const line of createInterface({ input: createReadStream(manifest.ordered.path) })) {
  const e = JSON.parse(line);
  const ts = typeof e.time === 'number' ? e.time : Date.parse(e.time ?? e.timestamp ?? e['@timestamp'] ?? e.ts);
  if (!(ts > fromMs && ts <= tickMs)) continue;
  const level = String(e.level).toLowerCase();
  if (level !== 'info' && level !== '30') continue;
  if (typeof e.duration_ms === 'number') values.push(e.duration_ms);
}
values.sort((a, b) => a - b);
const oracleP95 = values.length ? values[Math.ceil((95 * values.length) / 100) - 1] : null;

console.log(
  `data: ${LINES.toLocaleString('en')} lines; window (${new Date(fromMs).toISOString()}, ${new Date(tickMs).toISOString()}]; ${RUNS} runs each, median`,
);
console.log('| rule | file | seconds | result |');
console.log('|---|---|---|---|');
for (const [name, rules] of [
  ['count (error ≥ 1)', join(tmp, 'count.yml')],
  ['value (p95 of duration_ms, info)', join(tmp, 'p95.yml')],
]) {
  for (const [kind, file] of [
    ['ordered', manifest.ordered.path],
    ['shuffled', manifest.shuffled.path],
  ]) {
    timeOnce(rules, file);
    const runs = Array.from({ length: RUNS }, () => timeOnce(rules, file));
    const r = runs[0].report;
    const result = r.lifecycle ? `p95 ${r.lifecycle.firing[0]?.value ?? 'n/a'} (oracle ${oracleP95})` : `count ${r.rules[0].counts[0]}`;
    if (r.lifecycle && r.lifecycle.firing[0]?.value !== oracleP95)
      throw new Error(`p95 ${r.lifecycle.firing[0]?.value} differs from the oracle ${oracleP95}`);
    console.log(`| ${name} | ${kind} | ${median(runs.map((x) => x.seconds)).toFixed(2)} | ${result} |`);
  }
}
