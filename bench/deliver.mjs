// Webhook fan-out: N fired rules delivering to one local receiver that answers after DELAY ms,
// through the built library's deliverer at several concurrency bounds, beside the serial time it
// would take one request at a time. Usage:
//   node scripts/build.mjs lib && npm run -s bench:deliver     (N=1000 DELAY=100 to change)
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const { createDeliverer } = await import(`${ROOT}/dist/lib/index.js`);
const N = Number(process.env.N ?? 1000);
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

function fileWith(concurrency) {
  const rules = Array.from({ length: N }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `rule ${i}`,
    level: 'error',
    threshold: 1,
    window_minutes: 5,
    channels: ['webhook'],
    enabled: true,
    notify_webhook: `${url}/${i}`,
    notify_webhook_secret_env: 'S',
    webhook_scheme: 'krafter',
    allow_http: true,
  }));
  return {
    project: 'bench',
    evaluation: { interval_minutes: 5, max_catchup_minutes: 1440 },
    delivery: { smtp_url_env: 'SMTP_URL', email_from: 'a@b.c', apialerts_key_env: 'K', allow_private_targets: true, concurrency },
    sources: [{ name: 'a', path: 'a.log' }],
    rules,
  };
}

const state = { version: 1, last_evaluated_at: null, rules: {}, webhooks: {} };
const rows = [];
for (const concurrency of [1, 16, 64, 256]) {
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
server.close();

const serial = (N * DELAY) / 1000;
console.log(`${N} webhook deliveries, receiver answers after ${DELAY} ms; serial floor ${serial.toFixed(1)} s\n`);
console.log('| concurrency | seconds | peak in flight | × ideal (N/c × delay) | vs serial |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  if (r.seconds === null) {
    console.log(`| ${r.concurrency} | — | — | — | ${r.note} |`);
    continue;
  }
  const ideal = (Math.ceil(N / r.concurrency) * DELAY) / 1000;
  console.log(`| ${r.concurrency} | ${r.seconds.toFixed(2)} | ${r.peak} | ${(r.seconds / ideal).toFixed(2)} | ${(serial / r.seconds).toFixed(1)}× faster |`);
}
