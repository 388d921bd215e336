// `npm run bench:rules`: the rule language's cost (issues 12 item 8 and 14).
//  1. Scale in rules: `apialerts evaluate --dry-run` (the built CLI, start-up included) over a small
//     log with a generated rule file of 10,000 and 100,000 rules (plain level rules, filtered rules,
//     grouped and fewer_than rules, ratios). Targets: < 2 s and < 20 s; cost linear in rules.
//  2. One pass for all rules: 200 rules, each with its own filter (a level set, a field equality, a
//     regex, a numeric comparison), against today's single-level rule, on the reference data set
//     (bench/generate-logs.mjs; LINES=5000000 for the full set), unordered file. Target: ≤ 1.5×.
//  3. Group-by on a field with 100,000+ distinct values in the window (`route`): peak RSS (< 200 MB).
// Medians of RUNS (default 3) after a warm-up (part 2: its runs interleaved); peak RSS and CPU
// (user+sys) from /usr/bin/time; part 2 also gives the 200 rules' ratio run by run (each pair back to back).
// Counts are checked: the 200-rule run's level-only rule must equal
// the single rule's count.
// Env: RUNS, LINES (default 1000000), SCALES (default "10000,100000"), PARTS (default "scale,reference":
// `PARTS=scale` runs part 1 only), BASELINE_CLI (a CLI bundle built from an earlier commit, e.g.
// `node -e "import('./scripts/build.mjs').then((b) => b.bundle('src/cli/index.ts', '/tmp/old'))"` on it, plus a package.json {"type":"module"}:
// parts 1 and 2 then measure it on the same files in the same run and print the ratios, so a shared
// machine's load cancels out); BUILT_CLI (this tree's CLI bundle, built already). The load (`uptime`)
// is printed before and after.
import { execFileSync, spawnSync } from 'node:child_process';
import { bundle } from '../scripts/build.mjs';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const LINES = Number(process.env.LINES ?? 1_000_000);
const SCALES = (process.env.SCALES ?? '10000,100000').split(',').map(Number);
const PARTS = (process.env.PARTS ?? 'scale,reference').split(',');
const BASELINE_CLI = process.env.BASELINE_CLI ? resolve(process.env.BASELINE_CLI) : null;
const load = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'uptime unavailable';
  }
};
console.log(`load before: ${load()}`);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const tmp = mkdtempSync(join(tmpdir(), 'bench-rules-'));
// BUILT_CLI: a CLI bundle already built from this tree (skips the ncc build, ~2 min).
const CLI = process.env.BUILT_CLI ? resolve(process.env.BUILT_CLI) : join(tmp, 'cli', 'index.js');
if (!process.env.BUILT_CLI) {
  await bundle(join(ROOT, 'src/cli/index.ts'), join(tmp, 'cli')); // as dist/cli is built
  writeFileSync(join(tmp, 'cli', 'package.json'), '{"type":"module"}');
}

const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'];

function measure(args, cli = CLI) {
  const argv = TIME ? [TIME, ['-f', '%M %U %S', process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr.slice(-2000)}`);
  const [rssKb, user, sys] = TIME ? r.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, rssMb: rssKb / 1024, cpu: user + sys, out: r.stdout };
}

function median(args, check, cli = CLI) {
  check?.(measure(args, cli)); // warm-up
  const runs = Array.from({ length: RUNS }, () => measure(args, cli));
  for (const r of runs) check?.(r);
  const by = (k) => [...runs].sort((a, b) => a[k] - b[k])[Math.floor(runs.length / 2)][k];
  return { seconds: by('seconds'), rssMb: by('rssMb'), cpu: by('cpu'), out: runs[0].out };
}

/** Medians of several runs, their RUNS runs interleaved (a, b, a, b, …) after a warm-up of each. */
function interleaved(list) {
  for (const [args, cli] of list) measure(args, cli);
  const runs = list.map(() => []);
  for (let i = 0; i < RUNS; i++) list.forEach(([args, cli], k) => runs[k].push(measure(args, cli)));
  const by = (rs, k) => [...rs].sort((a, b) => a[k] - b[k])[Math.floor(rs.length / 2)][k];
  return runs.map((rs) => ({
    seconds: by(rs, 'seconds'),
    rssMb: by(rs, 'rssMb'),
    cpu: by(rs, 'cpu'),
    out: rs[0].out,
    all: rs.map((r) => r.seconds),
  }));
}

/** The ratios of b's runs to a's, run by run (each pair ran back to back): median and worst. */
function pairRatios(a, b) {
  const ratios = a.all.map((s, i) => b.all[i] / s).sort((x, y) => x - y);
  return { median: ratios[Math.floor(ratios.length / 2)], worst: ratios.at(-1) };
}

function ruleYaml(rules, source) {
  const lines = ['project: bench', 'evaluation:', '  interval_minutes: 5', 'sources:', `  - name: logs`, `    path: ${source}`, 'rules:'];
  for (const r of rules) {
    lines.push(
      `  - id: ${r.id}`,
      `    name: "${r.name}"`,
      `    threshold: ${r.threshold}`,
      `    window_minutes: ${r.window_minutes}`,
      '    channels: [webhook]',
      '    notify_webhook: https://example.com/hook',
    );
    for (const [k, v] of Object.entries(r.extra)) lines.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  return lines.join('\n') + '\n';
}

// ---- 1. Scale in rules -------------------------------------------------------------------------
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const small = join(tmp, 'small.ndjson');
{
  const out = [];
  for (let i = 0; i < 5000; i++) {
    const ts = T0 - 60 * 60_000 + i * 720;
    out.push(
      JSON.stringify({
        level: LEVELS[i % 5],
        time: ts,
        user: `u${i % 40}`,
        event: i % 7 === 0 ? 'payment_failed' : 'request',
        amount: i % 300,
      }),
    );
  }
  writeFileSync(small, out.join('\n') + '\n');
}
function generatedRules(n) {
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 10;
    const extra =
      kind < 5
        ? { level: LEVELS[i % 5] }
        : kind < 7
          ? { level: 'error', where: [{ field: 'amount', op: 'gte', value: i % 300 }] }
          : kind < 8
            ? { min_level: 'warn', group_by: ['user'] }
            : kind < 9
              ? { level: 'info', where: [{ field: 'event', op: 'equals', value: 'payment_failed' }], comparison: 'fewer_than' }
              : { level: 'error', denominator: { min_level: 'debug' }, min_denominator: 5 };
    return { id: id(i + 1), name: `rule ${i + 1}`, threshold: kind === 9 ? 0.1 : 1 + (i % 5), window_minutes: 5 + (i % 30), extra };
  });
}
if (PARTS.includes('scale')) {
  console.log('## Scale in rules (evaluate --dry-run, built CLI, 5,000-line log, one tick)');
  console.log(
    `| rules | median s | median CPU s (user+sys) | peak RSS MB | fired |${BASELINE_CLI ? ' baseline s | baseline CPU s | CPU ratio |' : ''}`,
  );
  console.log(`|---|---|---|---|---|${BASELINE_CLI ? '---|---|---|' : ''}`);
  for (const n of SCALES) {
    const path = join(tmp, `rules-${n}.yml`);
    writeFileSync(path, ruleYaml(generatedRules(n), small));
    const args = [
      'evaluate',
      '--rules',
      path,
      '--logs',
      small,
      '--now',
      new Date(T0).toISOString(),
      '--dry-run',
      '--json',
      '--state',
      join(tmp, 's.json'),
    ];
    const r = median(args);
    const rep = JSON.parse(r.out);
    let base = '';
    if (BASELINE_CLI) {
      // The same file through the earlier CLI, right after; its report must be the same.
      const b = median(args, undefined, BASELINE_CLI);
      if (b.out !== r.out) throw new Error(`the baseline's report differs at ${n} rules`);
      base = ` ${b.seconds.toFixed(2)} | ${b.cpu.toFixed(2)} | ${(r.cpu / b.cpu).toFixed(2)} |`;
    }
    console.log(
      `| ${n.toLocaleString('en')} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${rep.decisions.length} |${base}`,
    );
  }
  console.log(`load after: ${load()}`);
}
if (!PARTS.includes('reference')) process.exit(0);

// ---- 2 and 3. The reference data set ------------------------------------------------------------
const manifest = JSON.parse(
  execFileSync(process.execPath, [join(ROOT, 'bench/generate-logs.mjs'), '--lines', String(LINES)], { encoding: 'utf8' }),
);
const data = manifest.shuffled.path;
const now = new Date(Math.floor(manifest.lastMs / 60_000) * 60_000).toISOString();
const evalArgs = (rulesPath) => [
  'evaluate',
  '--rules',
  rulesPath,
  '--logs',
  data,
  '--now',
  now,
  '--dry-run',
  '--json',
  '--state',
  join(tmp, 's.json'),
];

const one = join(tmp, 'one.yml');
writeFileSync(one, ruleYaml([{ id: id(1), name: 'errors', threshold: 1, window_minutes: 15, extra: { level: 'error' } }], data));
const ROUTES = ['/api/orders', '/api/users', '/api/cart', '/api/payments', '/healthz', '/api/search', '/api/inventory'];
const HOSTS = ['web-1', 'web-2', 'web-3', 'worker-1', 'worker-2'];
const many = [{ id: id(1), name: 'errors', threshold: 1, window_minutes: 15, extra: { level: 'error' } }];
for (let i = 1; i < 200; i++) {
  const k = i % 4;
  const extra =
    k === 0
      ? { level: [LEVELS[i % 5], LEVELS[(i + 2) % 5]] }
      : k === 1
        ? { level: 'error', where: [{ field: 'hostname', op: 'equals', value: HOSTS[i % 5] }] }
        : k === 2
          ? { min_level: 'warn', where: [{ field: 'route', op: 'matches', value: `^${ROUTES[i % 7]}/${i % 10}` }] }
          : { level: ['warn', 'error'], where: [{ field: 'duration_ms', op: 'gte', value: (i * 4.5) % 900 }] };
  many.push({ id: id(i + 1), name: `rule ${i + 1}`, threshold: 1, window_minutes: 5 + (i % 3) * 5, extra });
}
const manyPath = join(tmp, 'many.yml');
writeFileSync(manyPath, ruleYaml(many, data));
const grouped = join(tmp, 'grouped.yml');
writeFileSync(
  grouped,
  ruleYaml(
    [
      {
        id: id(1),
        name: 'per route',
        threshold: 1,
        window_minutes: 15,
        extra: { min_level: 'debug', group_by: ['route'], max_groups: 100 },
      },
    ],
    data,
  ),
);

const countOf = (r) => JSON.parse(r.out).rules[0].counts[0];
// The single rule and the 200 rules (and the baseline's, when given) are run interleaved, so the
// ratio compared with the bar is taken over the same slow and fast phases of the machine.
const [single, twoHundred, bSingle, bMany] = interleaved([
  [evalArgs(one), CLI],
  [evalArgs(manyPath), CLI],
  ...(BASELINE_CLI
    ? [
        [evalArgs(one), BASELINE_CLI],
        [evalArgs(manyPath), BASELINE_CLI],
      ]
    : []),
]);
if (countOf(single) !== countOf(twoHundred)) throw new Error(`count mismatch: ${countOf(single)} vs ${countOf(twoHundred)}`);
const group = median(evalArgs(grouped));
const g = JSON.parse(group.out).rules[0];
let rg;
try {
  const t0 = process.hrtime.bigint();
  execFileSync('rg', ['-c', '"level":"error"', data], { encoding: 'utf8' });
  rg = Number(process.hrtime.bigint() - t0) / 1e9;
} catch {
  rg = null;
}
console.log(
  `\n## Reference data: ${LINES.toLocaleString('en')} lines, ${(manifest.shuffled.bytes / 1e6).toFixed(0)} MB, unordered file, window 15 min up to ${now}`,
);
console.log('| run | median s | peak RSS MB | note |');
console.log('|---|---|---|---|');
console.log(`| today's single-level rule | ${single.seconds.toFixed(2)} | ${single.rssMb.toFixed(0)} | count ${countOf(single)} |`);
const pairs = pairRatios(single, twoHundred);
console.log(
  `| 200 filtered rules, one run | ${twoHundred.seconds.toFixed(2)} | ${twoHundred.rssMb.toFixed(0)} | ${(twoHundred.seconds / single.seconds).toFixed(2)}× the single rule (run by run: median ${pairs.median.toFixed(2)}×, worst ${pairs.worst.toFixed(2)}×) |`,
);
console.log(
  `| group_by route (${g.groups[0].toLocaleString('en')} groups in the window) | ${group.seconds.toFixed(2)} | ${group.rssMb.toFixed(0)} | untracked ${g.untracked_groups} |`,
);
if (BASELINE_CLI) {
  // The earlier CLI on the same data in the same run: what "today's single-level rule" cost before.
  if (countOf(bSingle) !== countOf(single)) throw new Error(`the baseline counts ${countOf(bSingle)}, this tree ${countOf(single)}`);
  console.log(
    `| baseline: single-level rule | ${bSingle.seconds.toFixed(2)} | ${bSingle.rssMb.toFixed(0)} | this tree's is ${(single.seconds / bSingle.seconds).toFixed(2)}× |`,
  );
  console.log(
    `| baseline: 200 filtered rules | ${bMany.seconds.toFixed(2)} | ${bMany.rssMb.toFixed(0)} | ${(bMany.seconds / bSingle.seconds).toFixed(2)}× its single rule; this tree's 200 rules are ${(twoHundred.seconds / bSingle.seconds).toFixed(2)}× it |`,
  );
}
if (rg !== null) console.log(`| rg -c '"level":"error"' (no time filter) | ${rg.toFixed(2)} | — | one run |`);
