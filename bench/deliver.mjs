// Webhook fan-out: N fired rules delivering to one local receiver that answers after DELAY ms,
// through the built library's deliverer at the default bounds (delivery.concurrency and
// delivery.per_host_concurrency unset) and at several explicit bounds, beside the serial time it
// would take one request at a time; then the same N to the slow receiver plus N to a fast one at the
// defaults, to show the per-host bound keeps the fast receiver going. Usage:
//   node scripts/build.mjs lib && npm run -s bench:deliver     (N=200 DELAY=100 to change)
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const { createDeliverer } = await import(`${ROOT}/dist/lib/index.js`);
const N = Number(process.env.N ?? 200);
const DELAY = Number(process.env.DELAY ?? 100);
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
    }, DELAY),
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

function fileWith(concurrency, extraFast = 0) {
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
      ...(concurrency === 'default' ? {} : { concurrency, per_host_concurrency: concurrency }),
    },
    sources: [{ name: 'a', path: 'a.log' }],
    rules,
  };
}

const state = { version: 1, last_evaluated_at: null, rules: {}, webhooks: {} };
const rows = [];
for (const concurrency of [1, 'default', 16, 64, 256]) {
  if (concurrency === 1 && N * DELAY > 30_000) {
    rows.push({ concurrency, seconds: null, note: `skipped: serial would take ≥ ${(N * DELAY) / 1000} s` });
    continue;
  }
  const file = fileWith(concurrency);
  const decisions = file.rules.map((rule) => ({ rule, triggered_at: '2026-04-26T12:00:00Z', match_count: 12 }));
  received = 0;
  peak = 0;
  const started = process.hrtime.bigint();
  const out = await createDeliverer({ allowPrivateTargets: true }).deliver(decisions, file, state, { S: SECRET });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const delivered = out.outcomes.filter((o) => o.status === 'delivered').length;
  if (delivered !== N || received !== N) throw new Error(`only ${delivered}/${N} delivered (${received} received)`);
  rows.push({ concurrency, seconds, peak });
}
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
console.log(`${N} webhook deliveries, receiver answers after ${DELAY} ms; serial floor ${serial.toFixed(1)} s\n`);
console.log('| concurrency | seconds | peak in flight | × ideal (N/c × delay) | vs serial |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  if (r.seconds === null) {
    console.log(`| ${r.concurrency} | — | — | — | ${r.note} |`);
    continue;
  }
  const bound = r.concurrency === 'default' ? 32 : r.concurrency; // default: 64 overall, 32 per host
  const ideal = (Math.ceil(N / bound) * DELAY) / 1000;
  console.log(
    `| ${r.concurrency} | ${r.seconds.toFixed(2)} | ${r.peak} | ${(r.seconds / ideal).toFixed(2)} | ${(serial / r.seconds).toFixed(1)}× faster |`,
  );
}
console.log(
  `\nMixed, defaults: ${N} to the ${DELAY} ms receiver + ${N} to a fast one: all done in ${mixed.seconds.toFixed(2)} s; the fast receiver had all ${N} after ${mixed.fastSeconds.toFixed(2)} s`,
);
