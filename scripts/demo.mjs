// `npm run demo`: the notify pipeline end to end on loopback, from the committed dist/ bundles.
// An embedded server implements the API Alerts event contract; the built action runs as the
// runner starts it (INPUT_*, GITHUB_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) for a failed and a
// successful deploy, then the built CLI sends a cron-style event. No accounts, no network.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = 'demo-key-not-a-secret';
const received = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const ok = req.method === 'POST' && req.url === '/event' && req.headers.authorization === `Bearer ${KEY}`;
    const event = ok ? JSON.parse(body) : undefined;
    if (event) received.push({ integration: req.headers['x-integration'], event });
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { workspace: 'Demo', channel: event.channel ?? 'general', uuid: `evt-${received.length}`, warnings: [] } : { error: 'unauthorized' }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const serverUrl = `http://127.0.0.1:${server.address().port}`;
const dir = mkdtempSync(join(tmpdir(), 'apialerts-demo-'));

// Runs off the event loop's thread so the embedded server keeps answering.
function run(script, args, env) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env } });
    let out = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (out += c));
    p.on('close', (code) => resolve({ code, out }));
  });
}

/** Reads the runner's `name<<DELIMITER` blocks back into name → value. */
function parseOutputs(text) {
  const outputs = {};
  const re = /^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3];
  return outputs;
}

const github = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: 'f00dbabe1234567890abcdef',
  GITHUB_REF_NAME: 'main',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_JOB: 'ship',
};

for (const status of ['failure', 'success']) {
  const outputFile = join(dir, `output-${status}`);
  const summaryFile = join(dir, `summary-${status}`);
  const { code, out } = await run('dist/notify/index.js', [], {
    ...github,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    INPUT_API_KEY: KEY,
    INPUT_SERVER_URL: serverUrl,
    INPUT_CHANNEL: 'releases',
    INPUT_TAGS: 'deploy,production',
    INPUT_STATUS: status,
    INPUT_JOB_ID: '55501',
    INPUT_RETRIES: '2',
    INPUT_TIMEOUT: '10',
    INPUT_FAIL_ON_ERROR: 'true',
    INPUT_DRY_RUN: 'false',
  });
  console.log(`\n── notify action, job status ${status} (exit ${code}) ──`);
  process.stdout.write(out);
  console.log(`outputs: ${JSON.stringify(parseOutputs(readFileSync(outputFile, 'utf8')))}`);
}

const cli = await run('dist/cli/index.js', ['send', '-m', 'Nightly backup failed on demo-host', '-c', 'ops', '-g', 'cron,backup'], {
  APIALERTS_API_KEY: KEY,
  APIALERTS_SERVER_URL: serverUrl,
  APIALERTS_CONFIG_DIR: join(dir, 'config'),
});
console.log(`\n── apialerts send (cron line), exit ${cli.code} ──`);
process.stdout.write(cli.out);

console.log('\n── what the embedded API Alerts server received ──');
for (const r of received) console.log(`${r.integration}: ${JSON.stringify(r.event)}`);
server.close();
rmSync(dir, { recursive: true, force: true });
const ok = received.length === 3;
console.log(ok ? '\ndemo ok: 3 events delivered' : `\ndemo FAILED: ${received.length} of 3 events delivered`);
process.exit(ok ? 0 : 1);
