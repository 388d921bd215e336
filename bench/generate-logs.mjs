// The reference data set of shared/docs/performance.md: 5,000,000 NDJSON lines (~900 MB, ~180 B a
// line), 10 % `error`, pino/winston-like fields, timestamps increasing over 8 hours. Written to
// bench/data/ twice: time-ordered, and the same lines shuffled. Deterministic (fixed seed), and
// reused when both files already have the expected size recorded in bench/data/manifest.json.
// Usage: node bench/generate-logs.mjs [--lines N] [--out DIR]   (prints the manifest as JSON)
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : process.argv[i + 1];
};
const LINES = Number(arg('--lines', 5_000_000));
const OUT = resolve(arg('--out', join(ROOT, 'bench/data')));
const START_MS = Date.UTC(2026, 10, 20, 6, 0, 0); // 2026-11-20T06:00:00Z
const SPAN_MS = 8 * 3600_000;
const VERSION = 1;

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = ['/api/orders', '/api/users', '/api/cart', '/api/payments', '/healthz', '/api/search', '/api/inventory'];
const HOSTS = ['web-1', 'web-2', 'web-3', 'worker-1', 'worker-2'];
const INFO_MSGS = ['request completed', 'cache hit', 'user signed in', 'order placed', 'job finished'];
const WARN_MSGS = ['slow query', 'retrying upstream call', 'deprecated endpoint used'];
const DEBUG_MSGS = ['cache miss', 'query plan chosen', 'span exported'];
const ERROR_MSGS = ['upstream timeout', 'payment declined by processor', 'database connection reset', 'unhandled rejection in handler'];

/** Line i, the same in both files: its level and time depend on i only. */
function makeLine(i) {
  const r = rng(0x5eed ^ Math.imul(i + 1, 0x9e3779b1));
  const ts = START_MS + Math.floor((i * SPAN_MS) / LINES);
  const u = r();
  const level = u < 0.1 ? 'error' : u < 0.2 ? 'warn' : u < 0.4 ? 'debug' : 'info';
  const msgs = level === 'error' ? ERROR_MSGS : level === 'warn' ? WARN_MSGS : level === 'debug' ? DEBUG_MSGS : INFO_MSGS;
  const route = ROUTES[Math.floor(r() * ROUTES.length)];
  const status = level === 'error' ? 500 + Math.floor(r() * 4) : 200 + Math.floor(r() * 5);
  return (
    `{"level":"${level}","time":"${new Date(ts).toISOString()}","pid":${4000 + Math.floor(r() * 64)},` +
    `"hostname":"${HOSTS[Math.floor(r() * HOSTS.length)]}","req_id":"${Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, '0')}",` +
    `"route":"${route}/${Math.floor(r() * 100000)}","status":${status},"duration_ms":${(r() * 900).toFixed(1)},` +
    `"msg":"${msgs[Math.floor(r() * msgs.length)]}"}\n`
  );
}

function write(path, order) {
  const fd = openSync(path, 'w');
  let buf = '';
  for (let k = 0; k < LINES; k++) {
    buf += makeLine(order ? order[k] : k);
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  return statSync(path).size;
}

mkdirSync(OUT, { recursive: true });
const manifestPath = join(OUT, `manifest-${LINES}.json`);
const ordered = join(OUT, `ordered-${LINES}.ndjson`);
const shuffled = join(OUT, `shuffled-${LINES}.ndjson`);
let manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
const fresh = (m) =>
  m && m.version === VERSION && [m.ordered, m.shuffled].every((f) => existsSync(f.path) && statSync(f.path).size === f.bytes);
if (!fresh(manifest)) {
  const orderedBytes = write(ordered, null);
  const perm = new Uint32Array(LINES);
  for (let k = 0; k < LINES; k++) perm[k] = k;
  const r = rng(42);
  for (let k = LINES - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    const t = perm[k];
    perm[k] = perm[j];
    perm[j] = t;
  }
  const shuffledBytes = write(shuffled, perm);
  manifest = {
    version: VERSION,
    lines: LINES,
    firstMs: START_MS,
    lastMs: START_MS + Math.floor(((LINES - 1) * SPAN_MS) / LINES),
    ordered: { path: ordered, bytes: orderedBytes },
    shuffled: { path: shuffled, bytes: shuffledBytes },
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}
console.log(JSON.stringify(manifest));
