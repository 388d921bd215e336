// Webhook fan-out: N fired rules delivering to one local receiver that answers after DELAY ms,
// through the built library's deliverer at the default bounds (delivery.concurrency and
// delivery.per_host_concurrency unset) and at several explicit bounds, beside the serial time it
// would take one request at a time; then the same N to the slow receiver plus N to a fast one at the
// defaults, to show the per-host bound keeps the fast receiver going. A baseline row in the same run:
// the defaults with a receiver that answers at once — what the deliveries themselves cost on this
// machine now (under a shared load this, not the 100 ms waits, is most of the time). Each row is the
// median of RUNS runs, the configurations taking turns. Usage:
//   node scripts/build.mjs lib && npm run -s bench:deliver     (N=200 DELAY=100 RUNS=3 to change)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const { createDeliverer } = await import(`${ROOT}/dist/lib/index.js`);
const N = Number(process.env.N ?? 200);
const DELAY = Number(process.env.DELAY ?? 100);
const RUNS = Number(process.env.RUNS ?? 3);
let delay = DELAY;
const SECRET = 'ab'.repeat(32);

let received = 0;
let inFlight = 0;
let peak = 0;
const server = createServer((req, res) => {
  inFlight++;
  peak = Math.max(peak, inFlight);
  req.resume();
  req.on('end', () =>
    setTimeout(() => {
      inFlight--;
      received++;
      res.end();
    }, delay),
  );
});
server.maxHeadersCount = 0;
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/hook`;

let fastReceived = 0;
let fastDone = 0;
const fast = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    fastReceived++;
    fastDone = performance.now();
    res.end();
  });
});
await new Promise((r) => fast.listen(0, '127.0.0.1', r));
const fastUrl = `http://127.0.0.1:${fast.address().port}/hook`;

/** `bounds`: 'default' (the file sets none), a number for both bounds, or [overall, per host]. */
function fileWith(bounds, extraFast = 0) {
  const rules = Array.from({ length: N + extraFast }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `rule ${i}`,
    level: 'error',
    threshold: 1,
    window_minutes: 5,
    channels: ['webhook'],
    enabled: true,
    notify_webhook: i < N ? `${url}/${i}` : `${fastUrl}/${i}`,
    notify_webhook_secret_env: 'S',
    webhook_scheme: 'krafter',
    allow_http: true,
  }));
  return {
    project: 'bench',
    evaluation: { interval_minutes: 5, max_catchup_minutes: 1440 },
    delivery: {
      smtp_url_env: 'SMTP_URL',
      email_from: 'a@b.c',
      apialerts_key_env: 'K',
      allow_private_targets: true,
      ...(bounds === 'default'
        ? {}
        : Array.isArray(bounds)
          ? { concurrency: bounds[0], per_host_concurrency: bounds[1] }
          : { concurrency: bounds, per_host_concurrency: bounds }),
    },
    sources: [{ name: 'a', path: 'a.log' }],
    rules,
  };
}

const state = { version: 1, last_evaluated_at: null, rules: {}, webhooks: {} };
// The defaults as the schema states them (the library does not export them).
const schemaText = readFileSync(`${ROOT}/src/rules/schema.ts`, 'utf8');
const DEFAULT_CONCURRENCY = Number(/DEFAULT_CONCURRENCY = (\d+)/.exec(schemaText)?.[1]);
const DEFAULT_PER_HOST_CONCURRENCY = Number(/DEFAULT_PER_HOST_CONCURRENCY = (\d+)/.exec(schemaText)?.[1]);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(bounds) {
  const file = fileWith(bounds);
  const decisions = file.rules.map((rule) => ({ rule, triggered_at: '2026-04-26T12:00:00Z', match_count: 12 }));
  received = 0;
  peak = 0;
  const started = process.hrtime.bigint();
  const out = await createDeliverer({ allowPrivateTargets: true }).deliver(decisions, file, state, { S: SECRET });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const delivered = out.outcomes.filter((o) => o.status === 'delivered').length;
  if (delivered !== N || received !== N) throw new Error(`only ${delivered}/${N} delivered (${received} received)`);
  return { seconds, peak };
}
// Warm-up (JIT, first sockets), not reported; then the configurations take turns, run after run, so
// warm-up and the machine's load drift fall on all of them alike.
delay = DELAY;
for (let w = 0; w < 3; w++) await timed('default');
const configs = [1, 'default', 16, [64, 32], 64, [128, 64], 256, 'baseline'];
const runsOf = new Map(configs.map((c) => [c, []]));
for (let r = 0; r < RUNS; r++)
  for (const bounds of configs) {
    if (bounds === 1 && (r > 0 || N * DELAY > 30_000)) continue; // serial: once, and only when it is short
    delay = bounds === 'baseline' ? 0 : DELAY;
    runsOf.get(bounds).push(await timed(bounds === 'baseline' ? 'default' : bounds));
  }
const rows = configs.map((bounds) => {
  const runs = runsOf.get(bounds);
  if (runs.length === 0) return { bounds, seconds: null, note: `skipped: serial would take ≥ ${(N * DELAY) / 1000} s` };
  return {
    bounds,
    seconds: median(runs.map((x) => x.seconds)),
    all: runs.map((x) => x.seconds),
    peak: Math.max(...runs.map((x) => x.peak)),
  };
});
delay = DELAY;
// Mixed: N to the slow receiver, N to a fast one, at the defaults.
{
  const file = fileWith('default', N);
  const decisions = file.rules.map((rule) => ({ rule, triggered_at: '2026-04-26T12:00:00Z', match_count: 12 }));
  received = 0;
  fastReceived = 0;
  const started = performance.now();
  const out = await createDeliverer({ allowPrivateTargets: true }).deliver(decisions, file, state, { S: SECRET });
  const seconds = (performance.now() - started) / 1000;
  if (out.outcomes.some((o) => o.status !== 'delivered') || fastReceived !== N) throw new Error('mixed run: not every delivery succeeded');
  var mixed = { seconds, fastSeconds: (fastDone - started) / 1000 };
}
server.close();
fast.close();

const serial = (N * DELAY) / 1000;
const defaults = DEFAULT_CONCURRENCY
  ? `${DEFAULT_CONCURRENCY} overall, ${DEFAULT_PER_HOST_CONCURRENCY} per host`
  : 'see src/rules/schema.ts';
console.log(
  `${N} webhook deliveries, receiver answers after ${DELAY} ms; serial floor ${serial.toFixed(1)} s; defaults: ${defaults}; median of ${RUNS}\n`,
);
console.log('| bounds (overall / per host) | seconds (median) | runs | peak in flight | ideal (⌈N/c⌉ × delay) |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  const label =
    r.bounds === 'baseline'
      ? "defaults, receiver answers at once (baseline: the deliveries' own cost now)"
      : Array.isArray(r.bounds)
        ? `${r.bounds[0]} / ${r.bounds[1]}`
        : r.bounds === 'default'
          ? 'defaults'
          : `${r.bounds} / ${r.bounds}`;
  if (r.seconds === null) {
    console.log(`| ${label} | — | — | — | ${r.note} |`);
    continue;
  }
  const perHost =
    r.bounds === 'default' || r.bounds === 'baseline' ? DEFAULT_PER_HOST_CONCURRENCY : Array.isArray(r.bounds) ? r.bounds[1] : r.bounds;
  const ideal = r.bounds === 'baseline' ? 0 : (Math.ceil(N / perHost) * DELAY) / 1000;
  console.log(`| ${label} | ${r.seconds.toFixed(2)} | ${r.all.map((x) => x.toFixed(2)).join(' ')} | ${r.peak} | ${ideal.toFixed(2)} |`);
}
console.log(
  `\nMixed, defaults: ${N} to the ${DELAY} ms receiver + ${N} to a fast one: all done in ${mixed.seconds.toFixed(2)} s; the fast receiver had all ${N} after ${mixed.fastSeconds.toFixed(2)} s`,
);
