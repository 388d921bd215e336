// Start-to-exit time of one event send, as a CI step or cron line pays it: our built action
// and CLI beside an empty node script, a bare https.request script, the `apialerts` npm SDK,
// and a bundle doing the same with @actions/core + @actions/http-client; all against one
// local TLS receiver started here. Median of RUNS runs each, interleaved. Usage:
//   node scripts/build.mjs notify cli && npm run -s bench:notify   (RUNS=20 to change)
// With V2_BUNDLE=<path of apialerts/notify-action v2's dist/index.js> (the v2 tag, e.g.
// `git show v2:dist/index.js > v2.js` in a clone of apialerts/notify-action), v2 runs beside ours
// against the same receiver: v2 cannot be given a server URL, so a copy of its bundle with the API
// URL constant replaced by the receiver's is run, and ours must take at most half of v2's time.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:https';
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundle } from '../scripts/build.mjs';

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const RUNS = Number(process.env.RUNS ?? 15);
const HOST = 'localhost';
const KEY = 'bench-key';
const dir = mkdtempSync(join(tmpdir(), 'bench-notify-'));

execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-days',
    '1',
    '-subj',
    `/CN=${HOST}`,
    '-addext',
    `subjectAltName=DNS:${HOST}`,
  ],
  { stdio: 'ignore' },
);
let received = 0;
const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
  req.resume();
  req.on('end', () => {
    received++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"workspace":"Bench","channel":"releases","uuid":"u1"}');
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `https://${HOST}:${server.address().port}`;
const event = { message: 'Deploy failed', channel: 'releases', tags: ['deploy', 'production'], link: 'https://example.com/run/1' };

// The scripts under test.
writeFileSync(join(dir, 'empty.mjs'), '');
writeFileSync(
  join(dir, 'bare.mjs'),
  `import https from 'node:https';
const body = ${JSON.stringify(JSON.stringify(event))};
const req = https.request(${JSON.stringify(`${base}/event`)}, { method: 'POST', headers: { Authorization: 'Bearer ${KEY}', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => { res.resume(); res.on('end', () => {}); });
req.end(body);
`,
);
writeFileSync(
  join(dir, 'sdk.mjs'),
  `import { ApiAlerts } from ${JSON.stringify(join(ROOT, 'node_modules/apialerts/dist/index.mjs'))};
ApiAlerts.configure('${KEY}');
ApiAlerts.setOverrides('js', '1.3.2', ${JSON.stringify(`${base}/event`)});
const r = await ApiAlerts.sendAsync(${JSON.stringify(event)}, '${KEY}');
if (!r.success) { console.error(r.error); process.exit(1); }
`,
);
// The road not taken: the same job with the toolkit packages, bundled the same way.
symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
writeFileSync(
  join(dir, 'toolkit.mjs'),
  `import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
const client = new HttpClient('bench');
const res = await client.post(${JSON.stringify(`${base}/event`)}, ${JSON.stringify(JSON.stringify(event))}, { Authorization: 'Bearer ${KEY}', 'Content-Type': 'application/json' });
await res.readBody();
core.setOutput('sent', 'true');
`,
);
await bundle(join(dir, 'toolkit.mjs'), join(dir, 'toolkit')); // as the action is built: minified, chunks too

const v2 = process.env.V2_BUNDLE ? resolve(process.env.V2_BUNDLE) : undefined;
if (v2) {
  const text = readFileSync(v2, 'utf8');
  if (!text.includes('https://api.apialerts.com/event'))
    throw new Error(`${v2} does not look like notify-action v2's bundle (no API URL constant)`);
  writeFileSync(join(dir, 'v2.cjs'), text.split('https://api.apialerts.com/event').join(`${base}/event`));
}

const outputFile = join(dir, 'output');
const commonEnv = {
  PATH: process.env.PATH,
  HOME: dir,
  NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
  GITHUB_OUTPUT: outputFile,
  GITHUB_STEP_SUMMARY: join(dir, 'summary'),
};
const actionEnv = {
  INPUT_API_KEY: KEY,
  INPUT_MESSAGE: event.message,
  INPUT_CHANNEL: event.channel,
  INPUT_TAGS: event.tags.join(','),
  INPUT_LINK: event.link,
  INPUT_STATUS: 'failure',
  INPUT_SERVER_URL: base,
  INPUT_RETRIES: '2',
  INPUT_TIMEOUT: '30',
  INPUT_FAIL_ON_ERROR: 'true',
  INPUT_DRY_RUN: 'false',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '1',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_RUN_NUMBER: '1',
};
const bundleFile = (name) => (name.endsWith('.js') || name.endsWith('.mjs') ? name : join(name, 'index.mjs'));
const variants = [
  { name: 'empty node script', args: [join(dir, 'empty.mjs')], sends: 0 },
  { name: 'bare https.request script', args: [join(dir, 'bare.mjs')], sends: 1 },
  {
    name: 'our action (dist/notify)',
    args: [join(ROOT, 'dist/notify/index.js')],
    env: actionEnv,
    sends: 1,
    bundle: join(ROOT, 'dist/notify/index.js'),
  },
  {
    name: 'our CLI (dist/cli) send',
    args: [
      join(ROOT, 'dist/cli/index.js'),
      'send',
      '-m',
      event.message,
      '-c',
      event.channel,
      '-g',
      'deploy,production',
      '-l',
      event.link,
      '--key',
      KEY,
      '--server-url',
      base,
    ],
    sends: 1,
    bundle: join(ROOT, 'dist/cli/index.js'),
  },
  { name: 'apialerts npm SDK 1.3.2 (fetch)', args: [join(dir, 'sdk.mjs')], sends: 1 },
  {
    name: '@actions/core+http-client bundle',
    args: [bundleFile(join(dir, 'toolkit'))],
    sends: 1,
    bundle: bundleFile(join(dir, 'toolkit')),
  },
  ...(v2 ? [{ name: 'notify-action v2 bundle', args: [join(dir, 'v2.cjs')], env: actionEnv, sends: 1, bundle: v2 }] : []),
];

function once(v) {
  return new Promise((res, rej) => {
    writeFileSync(outputFile, '');
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, v.args, { env: { ...commonEnv, ...v.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      code === 0 ? res(ms) : rej(new Error(`${v.name} exited ${code}: ${err}`));
    });
  });
}

const times = new Map(variants.map((v) => [v.name, []]));
for (const v of variants) await once(v); // warm the page cache
received = 0;
for (let i = 0; i < RUNS; i++) for (const v of variants) times.get(v.name).push(await once(v));
const expected = RUNS * variants.reduce((n, v) => n + v.sends, 0);
if (received !== expected) throw new Error(`receiver got ${received} events, expected ${expected}`);

/** The entry file plus the chunks it loads on demand (ncc writes them beside it as <n>.index.js). */
function bundleBytes(file) {
  const chunks = file.endsWith('index.js') ? readdirSync(dirname(file)).filter((f) => /^\d+\.index\.js$/.test(f)) : [];
  const total = chunks.reduce((n, f) => n + statSync(join(dirname(file), f)).size, statSync(file).size);
  return chunks.length > 0 ? `${statSync(file).size} (+${total - statSync(file).size} on demand)` : String(total);
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const m = Object.fromEntries(variants.map((v) => [v.name, median(times.get(v.name))]));
const empty = m['empty node script'];
const bare = m['bare https.request script'];
console.log(`notify bench: median of ${RUNS} runs each, one send to a local TLS receiver, node ${process.version}`);
console.log('| variant | median ms | × empty | × bare https | bundle bytes |');
console.log('|---|---:|---:|---:|---:|');
for (const v of variants) {
  const t = m[v.name];
  console.log(
    `| ${v.name} | ${t.toFixed(1)} | ${(t / empty).toFixed(2)} | ${(t / bare).toFixed(2)} | ${v.bundle ? bundleBytes(v.bundle) : ''} |`,
  );
}
if (v2) {
  const ratio = m['our action (dist/notify)'] / m['notify-action v2 bundle'];
  console.log(`our action / v2: ${ratio.toFixed(2)} (target: at most 0.50) ${ratio <= 0.5 ? 'OK' : 'OVER'}`);
}
server.close();
rmSync(dir, { recursive: true, force: true });
