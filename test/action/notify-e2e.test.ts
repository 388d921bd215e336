// Runs the BUILT action (dist/notify/index.js) the way the runner does: INPUT_* with the
// defaults already substituted, GITHUB_* context, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files,
// against a local server implementing the API Alerts contract.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFY_INPUTS } from '../../src/action/notify-inputs.js';
import { VERSION } from '../../src/version.js';
import { json, startServer, type CapturedRequest, type TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, ROOT, bodyOf, builtBundle, parseOutputs, runNode, startApi, tempDir, type Script } from '../events/support.js';

const GITHUB = {
  GITHUB_SERVER_URL: 'https://github.example.com',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '1234567',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SHA: 'f00dbabe1234567890',
  GITHUB_REF_NAME: 'main',
  GITHUB_WORKFLOW: 'Deploy',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_JOB: 'ship',
};
const RUN_URL = 'https://github.example.com/acme/web/actions/runs/1234567';

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  outputs: Record<string, string>;
  summary: string;
  requests: CapturedRequest[];
}

let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/**
 * `inputs` are what the workflow's `with:` holds; every other input gets its action.yml
 * default as the runner would substitute it (`status` and `job_id` from the job context).
 */
async function runAction(
  inputs: Record<string, string>,
  opts: {
    script?: Script;
    env?: Record<string, string>;
    jobStatus?: string;
    jobId?: string;
    token?: string;
    serverVia?: 'input' | 'env';
  } = {},
): Promise<ActionRun> {
  api = await startApi(opts.script);
  const dir = tempDir('notify-e2e-');
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const substituted: Record<string, string> = {
    ...NOTIFY_INPUTS,
    status: opts.jobStatus ?? 'success',
    job_id: opts.jobId ?? '',
    github_token: opts.token ?? '',
    ...(opts.serverVia === 'env' ? {} : { server_url: api.url }),
    ...inputs,
  };
  const env: Record<string, string> = {
    ...GITHUB,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    APIALERTS_RETRY_BASE_MS: '20',
    ...opts.env,
  };
  if (opts.serverVia === 'env') env.APIALERTS_SERVER_URL = api.url;
  for (const [name, value] of Object.entries(substituted)) env[`INPUT_${name.toUpperCase()}`] = value;
  const r = await runNode(builtBundle('notify'), [], env);
  return {
    ...r,
    lines: r.stdout.split('\n').filter(Boolean),
    outputs: parseOutputs(outputFile),
    summary: readFileSync(summaryFile, 'utf8'),
    requests: [...api.requests],
  };
}

function expectNoKey(run: ActionRun): void {
  const { lines, ...rest } = run;
  const printed = lines.filter((l) => l !== `::add-mask::${GOOD_KEY}`).join('\n');
  expect(printed).not.toContain(GOOD_KEY);
  expect(rest.stderr).not.toContain(GOOD_KEY);
  expect(JSON.stringify(rest.outputs)).not.toContain(GOOD_KEY);
  expect(rest.summary).not.toContain(GOOD_KEY);
}

describe('notify action (built)', () => {
  it('sends a full event: exact request, outputs, summary and log', async () => {
    const run = await runAction({
      api_key: GOOD_KEY,
      message: 'Deployed v1.2.3 to production',
      channel: 'releases',
      event: 'ci.deploy.success',
      title: 'Deploy',
      tags: ' deploy , production,,',
      link: 'https://app.example.com',
      data: '{"version":"1.2.3","n":1}',
    });
    expect(run.code).toBe(0);
    expect(run.requests).toHaveLength(1);
    const req = run.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/event');
    expect(req.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-integration']).toBe('notify-action');
    expect(req.headers['x-version']).toBe(VERSION);
    expect(req.rawBody.toString()).toBe(
      '{"message":"Deployed v1.2.3 to production","channel":"releases","event":"ci.deploy.success","title":"Deploy","tags":["deploy","production"],"link":"https://app.example.com","data":{"version":"1.2.3","n":1}}',
    );
    expect(run.lines).toEqual([`::add-mask::${GOOD_KEY}`, 'Alert sent to Acme (releases)']);
    expect(run.outputs).toEqual({
      link: 'https://app.example.com',
      sent: 'true',
      http_status: '200',
      workspace: 'Acme',
      channel: 'releases',
      uuid: 'evt-0',
      warnings: '[]',
    });
    expect(run.summary).toBe(
      [
        '### API Alerts: event sent',
        '',
        '| | |',
        '|---|---|',
        '| Message | Deployed v1.2.3 to production |',
        '| Channel | releases |',
        '| Event | ci.deploy.success |',
        '| Title | Deploy |',
        '| Tags | deploy, production |',
        '| Link | https://app.example.com |',
        '| Workspace | Acme |',
        '| Delivered to channel | releases |',
        '| Event id | evt-0 |',
        '| HTTP status | 200 |',
        '',
        '',
      ].join('\n'),
    );
    expectNoKey(run);
  });

  it('sends a minimal event (v2 style: key and message only)', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'Hello' });
    expect(run.code).toBe(0);
    expect(bodyOf(run.requests[0])).toEqual({ message: 'Hello', event: 'ci.job.success', title: 'Deploy succeeded', link: RUN_URL });
    expect(run.lines).toContain('Alert sent to Acme (general)');
  });

  describe("the seed's single-step ternary workflow", () => {
    // The runner evaluates the `${{ job.status == 'success' && … || … }}` expressions; these are its results.
    const seed = (status: 'success' | 'failure') => ({
      api_key: GOOD_KEY,
      channel: 'releases',
      message: status === 'success' ? 'Deployed to production' : 'Deploy failed',
      tags: 'deploy,production',
      link: status === 'success' ? 'https://your-app.com' : RUN_URL,
    });
    it.each(['success', 'failure'] as const)('job.status == %s', async (status) => {
      const run = await runAction(seed(status), { jobStatus: status, jobId: '9988' });
      expect(run.code).toBe(0);
      expect(bodyOf(run.requests[0])).toEqual({
        message: status === 'success' ? 'Deployed to production' : 'Deploy failed',
        channel: 'releases',
        event: `ci.job.${status}`,
        title: status === 'success' ? 'Deploy succeeded' : 'Deploy failed',
        tags: ['deploy', 'production'],
        link: status === 'success' ? 'https://your-app.com' : RUN_URL,
      });
      expect(run.outputs.sent).toBe('true');
    });
  });

  it('with every input empty builds message, event, title and the job link from the run; key and URL from env', async () => {
    const run = await runAction({}, { jobStatus: 'failure', jobId: '31415', serverVia: 'env', env: { APIALERTS_API_KEY: GOOD_KEY } });
    expect(run.code).toBe(0);
    expect(run.requests[0]!.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
    expect(bodyOf(run.requests[0])).toEqual({
      message: '❌ Deploy #42 failed: acme/web on main (f00dbab), job ship',
      event: 'ci.job.failure',
      title: 'Deploy failed',
      link: `${RUN_URL}/job/31415`,
    });
    expect(run.outputs.link).toBe(`${RUN_URL}/job/31415`);
    expect(run.lines[0]).toBe(`::add-mask::${GOOD_KEY}`);
    expectNoKey(run);
  });

  it('links a failure to the run attempt when the job id is unknown, and a cancel likewise', async () => {
    const failed = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'failure' });
    expect(bodyOf(failed.requests[0])).toMatchObject({ link: `${RUN_URL}/attempts/2` });
    await api?.close();
    const cancelled = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'cancelled', jobId: '7' });
    expect(bodyOf(cancelled.requests[0])).toMatchObject({
      link: `${RUN_URL}/job/7`,
      event: 'ci.job.cancelled',
      title: 'Deploy was cancelled',
    });
  });
});

describe('notify action (built): v2 compatibility', () => {
  it('a v2 workflow (message, channel, event, title, tags, link, data) sends exactly its fields', async () => {
    const run = await runAction({
      api_key: GOOD_KEY,
      message: 'Build 1.4 shipped',
      channel: 'mobile',
      event: 'ci.build.success',
      title: 'iOS build',
      tags: 'ios, release',
      link: 'https://testflight.apple.com',
      data: '{"build":77}',
    });
    expect(run.code).toBe(0);
    expect(bodyOf(run.requests[0])).toEqual({
      message: 'Build 1.4 shipped',
      channel: 'mobile',
      event: 'ci.build.success',
      title: 'iOS build',
      tags: ['ios', 'release'],
      link: 'https://testflight.apple.com',
      data: { build: 77 },
    });
    expect(run.lines).toContain('Alert sent to Acme (mobile)');
  });

  it('server warnings (and legacy errors) become workflow warnings and the warnings output', async () => {
    const run = await runAction(
      { api_key: GOOD_KEY, message: 'm' },
      { script: () => ({ status: 200, body: { workspace: 'Acme', channel: 'general', errors: ['channel not found, used default'] } }) },
    );
    expect(run.code).toBe(0);
    expect(run.lines).toContain('::warning::API Alerts: channel not found, used default');
    expect(JSON.parse(run.outputs.warnings!)).toEqual(['channel not found, used default']);
    expect(run.summary).toContain('| Warnings | channel not found, used default |');
  });
});

describe('notify action (built): bad input', () => {
  it('invalid data JSON fails the step before sending', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', data: '{version: 1}' });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(0);
    expect(run.lines.at(-1)).toMatch(/^::error::API Alerts: Invalid JSON provided for "data" input \(/);
    expect(run.outputs).toMatchObject({ sent: 'false', http_status: '' });
    expect(run.summary).toContain('### API Alerts: event NOT sent');
    expectNoKey(run);
  });

  it.each([
    ['retries', 'many', 'input retries: expected a whole number from 0 to 10, got "many"'],
    ['timeout', '-1', 'input timeout: expected a number from 0.001 to 600, got "-1"'],
    ['dry_run', 'yes', 'input dry_run: expected true or false, got "yes"'],
    ['fail_on_error', 'no', 'input fail_on_error: expected true or false, got "no"'],
  ])('a bad %s names the input and the value', async (name, value, message) => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', [name]: value });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(0);
    expect(run.lines.at(-1)).toBe(`::error::API Alerts: ${message}`);
  });

  it('over-limit fields are cut with warnings; extra tags dropped', async () => {
    const tags = Array.from({ length: 11 }, (_, i) => `t${i}`).join(',');
    const run = await runAction({ api_key: GOOD_KEY, message: 'x'.repeat(600), title: 'T'.repeat(130), tags });
    expect(run.code).toBe(0);
    const body = bodyOf(run.requests[0]) as { message: string; title: string; tags: string[] };
    expect(body.message).toBe('x'.repeat(500));
    expect(body.title).toBe('T'.repeat(128));
    expect(body.tags).toHaveLength(10);
    const warnings = [
      'message is 600 characters; cut to the limit of 500',
      'title is 130 characters; cut to the limit of 128',
      '11 tags given; only the first 10 are sent (dropped: t10)',
    ];
    expect(run.lines.filter((l) => l.startsWith('::warning::'))).toEqual(warnings.map((w) => `::warning::API Alerts: ${w}`));
    expect(JSON.parse(run.outputs.warnings!)).toEqual(warnings);
  });

  it('no key anywhere is a clear error', async () => {
    const run = await runAction({ message: 'm' });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(0);
    expect(run.lines.at(-1)).toMatch(/^::error::API Alerts: no API key: set the api_key input/);
  });

  it('dry_run prints the payload and sends nothing, even without a key', async () => {
    const run = await runAction({ message: 'Would go', channel: 'ops', dry_run: 'true' });
    expect(run.code).toBe(0);
    expect(run.requests).toHaveLength(0);
    expect(run.lines[0]).toBe(`Dry run: would POST to ${api!.url}/event (nothing sent):`);
    expect(JSON.parse(run.lines.slice(1).join('\n'))).toEqual({
      message: 'Would go',
      channel: 'ops',
      event: 'ci.job.success',
      title: 'Deploy succeeded',
      link: RUN_URL,
    });
    expect(run.outputs).toEqual({ link: RUN_URL, sent: 'false', http_status: '', warnings: '[]' });
    expect(run.summary).toContain('### API Alerts: dry run (nothing sent)');
  });
});

describe('notify action (built): server trouble', () => {
  it.each([
    [400, 'API Alerts: 400 Bad Request: the server rejected the event body (server said: nope)'],
    [401, 'API Alerts: 401 Unauthorized: the API key is missing or invalid; check your API Alerts key (server said: nope)'],
    [403, 'API Alerts: 403 Forbidden: this API key may not send to this workspace or channel (server said: nope)'],
    [413, 'API Alerts: 413 Payload Too Large: the event body is over 256 KB; shorten message or data (server said: nope)'],
    [
      429,
      "API Alerts: 429 Too Many Requests: the workspace's monthly event quota is used up; retrying will not help until it resets or the plan is upgraded (server said: nope)",
    ],
  ])('%i fails the step once, not retried', async (status, message) => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm' }, { script: () => ({ status, body: { error: 'nope' } }) });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(1);
    expect(run.lines.at(-1)).toBe(`::error::${message}`);
    expect(run.outputs).toMatchObject({ sent: 'false', http_status: String(status) });
    expect(run.summary).toContain('| Error |');
    expectNoKey(run);
  });

  it('500 then 200: retried, one event delivered', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm' }, { script: (_r, i) => (i === 0 ? { status: 500 } : undefined) });
    expect(run.code).toBe(0);
    expect(run.requests).toHaveLength(2);
    expect(run.outputs).toMatchObject({ sent: 'true', http_status: '200', uuid: 'evt-1' });
    expect(run.summary).toContain('| Attempts | 2 |');
  });

  it('a server that never answers: each attempt times out, the step ends (bounded)', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', timeout: '0.3', retries: '1' }, { script: () => 'hang' });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(2);
    expect(run.lines.at(-1)).toMatch(
      /^::error::API Alerts: could not reach 127\.0\.0\.1:\d+: no answer within 300 ms \(after 2 attempts\)$/,
    );
    expect(run.outputs.http_status).toBe('');
  });

  it('a connection reset is retried', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm' }, { script: (_r, i) => (i === 0 ? 'reset' : undefined) });
    expect(run.code).toBe(0);
    expect(run.requests).toHaveLength(2);
  });

  it('resets on every attempt fail after retries+1 attempts', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', retries: '2' }, { script: () => 'reset' });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(3);
    expect(run.lines.at(-1)).toMatch(/the connection was reset \(after 3 attempts\)$/);
  });

  it('fail_on_error: false turns a failed send into a warning and a green step', async () => {
    const run = await runAction(
      { api_key: GOOD_KEY, message: 'm', fail_on_error: 'false', retries: '0' },
      { script: () => ({ status: 503 }) },
    );
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toBe(
      '::warning::API Alerts: alert not sent (fail_on_error is false, so the step passes): 503 server error from API Alerts',
    );
    expect(run.outputs).toMatchObject({ sent: 'false', http_status: '503' });
  });

  it('fail_on_error: false also covers bad input such as invalid data', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', fail_on_error: 'false', data: 'nope' });
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toMatch(/^::warning::API Alerts: alert not sent .*Invalid JSON provided for "data" input/);
  });

  it('the key never appears in any output, even when the server echoes it back', async () => {
    const run = await runAction(
      { api_key: GOOD_KEY, message: 'm' },
      { script: (req) => ({ status: 403, body: { error: `key ${String(req.headers.authorization)} is not allowed` } }) },
    );
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe(
      '::error::API Alerts: 403 Forbidden: this API key may not send to this workspace or channel (server said: key Bearer *** is not allowed)',
    );
    expectNoKey(run);
  });
});

describe('notify action (built): proxy', () => {
  it('honours http_proxy (forward proxy) for the API URL', async () => {
    const { createServer, request } = await import('node:http');
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = request(
        { host: '127.0.0.1', port: api!.port, method: req.method, path: new URL(req.url ?? '/').pathname, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const { port } = proxy.address() as import('node:net').AddressInfo;
    try {
      // The proxy forwards to the API server runAction starts (it exists before the action runs).
      const run = await runAction(
        { api_key: GOOD_KEY, message: 'via proxy', server_url: 'http://api.apialerts.test' },
        { env: { http_proxy: `http://127.0.0.1:${port}` } },
      );
      expect(run.code).toBe(0);
      expect(seen).toEqual(['POST http://api.apialerts.test/event']);
      expect(run.requests).toHaveLength(1);
      expect(run.requests[0]!.headers.host).toBe('api.apialerts.test');
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });
});

// Issue 11 item 11: exactly v2 where a v2 workflow would notice.
describe('notify action (built): drop-in for v2', () => {
  it.each([
    ['a page (a JSON string, as a captive portal or proxy might answer)', { status: 200, body: '<html>captive portal</html>' }],
    ['JSON without workspace and channel', { status: 200, body: { ok: true } }],
    ['an empty 204', { status: 204 }],
  ] as const)('a 2xx answer that is %s fails the step, not retried', async (_what, reply) => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm' }, { script: () => ({ ...reply }) });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(1);
    expect(run.lines.at(-1)).toMatch(
      /^::error::API Alerts: 20[04] answer is not the API Alerts JSON \(expected an object with workspace and channel/,
    );
    expect(run.lines.some((l) => l.startsWith('Alert sent'))).toBe(false);
    expect(run.outputs).toMatchObject({ sent: 'false', http_status: String(reply.status) });
    expectNoKey(run);
  });

  it.each([
    ['no scheme', 'app.example.com/releases/1'],
    ['a path', '/releases/1'],
    ['over 1000 characters', `https://example.com/${'x'.repeat(1001)}`],
  ])('a link with %s is sent as given, with a warning, and the step passes', async (_what, link) => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', link });
    expect(run.code).toBe(0);
    expect(bodyOf(run.requests[0])).toMatchObject({ link });
    expect(run.lines.filter((l) => l.startsWith('::warning::API Alerts: link'))).toHaveLength(1);
    expect(run.outputs).toMatchObject({ sent: 'true', link });
    expect(JSON.parse(run.outputs.warnings!)).toEqual([expect.stringMatching(/^link .*sent as given/)]);
  });

  it.each([
    ['an array', '[1,2]', [1, 2]],
    ['a string', '"v1.2.3"', 'v1.2.3'],
    ['a number', '42', 42],
    ['null', 'null', null],
  ])('data that is valid JSON but %s is sent as given (as v2), with a warning', async (what, data, sent) => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', data });
    expect(run.code).toBe(0);
    expect(bodyOf(run.requests[0])).toMatchObject({ data: sent });
    expect(run.lines).toContain(
      `::warning::API Alerts: data is ${what}, not a JSON object like {"version":"1.2.3"}; sent as given, the server may ignore it`,
    );
  });

  it("X-Integration is notify-action and X-Version the toolkit's own version (package.json)", async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm' });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.requests[0]!.headers['x-integration']).toBe('notify-action');
    expect(run.requests[0]!.headers['x-version']).toBe(pkg.version);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

// apialerts/notify-action v2.2.0 tests/run.test.ts, each expectation ported to the built action
// against a local API server (v2 mocked @actions/core and the SDK; here the real protocol is read).
describe('notify action (built): v2 tests/run.test.ts, ported', () => {
  it('success: sends minimal alert and logs result', async () => {
    const run = await runAction(
      { api_key: 'test-key', message: 'Deploy complete' },
      { script: () => ({ status: 200, body: { workspace: 'My Workspace', channel: 'general', warnings: [] } }) },
    );
    expect(bodyOf(run.requests[0])).toMatchObject({ message: 'Deploy complete' });
    expect(run.lines.some((l) => l.includes('My Workspace'))).toBe(true);
    expect(run.lines.some((l) => l.startsWith('::error::'))).toBe(false);
    expect(run.code).toBe(0);
  });

  it('success: sends all fields', async () => {
    const run = await runAction({
      api_key: GOOD_KEY,
      message: 'Deploy complete',
      channel: 'releases',
      event: 'ci.deploy',
      title: 'Deployed',
      tags: 'CI/CD, JS',
      link: 'https://github.com',
      data: '{"version": "1.4"}',
    });
    expect(bodyOf(run.requests[0])).toEqual({
      message: 'Deploy complete',
      channel: 'releases',
      event: 'ci.deploy',
      title: 'Deployed',
      tags: ['CI/CD', 'JS'],
      link: 'https://github.com',
      data: { version: '1.4' },
    });
    expect(run.code).toBe(0);
  });

  it('success: surfaces warnings', async () => {
    const run = await runAction(
      { api_key: GOOD_KEY, message: 'test' },
      { script: () => ({ status: 200, body: { workspace: 'W', channel: 'C', warnings: ['deprecated field used'] } }) },
    );
    expect(run.lines.filter((l) => l.startsWith('::warning::') && l.includes('deprecated field used'))).toHaveLength(1);
  });

  it('success: sets notify-action override headers', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'test' });
    expect(run.requests[0]!.headers['x-integration']).toBe('notify-action');
    expect(run.requests[0]!.headers['x-version']).toBe(VERSION);
  });

  it('api key resolution: uses api_key input when provided', async () => {
    const run = await runAction(
      { api_key: 'input-key', message: 'test' },
      { script: () => ({ status: 200, body: { workspace: 'W', channel: 'C' } }) },
    );
    expect(run.code).toBe(0);
    expect(run.requests[0]!.headers.authorization).toBe('Bearer input-key');
  });

  it('api key resolution: falls back to APIALERTS_API_KEY env var when input is empty', async () => {
    const run = await runAction(
      { message: 'test' },
      { env: { APIALERTS_API_KEY: 'env-key' }, script: () => ({ status: 200, body: { workspace: 'W', channel: 'C' } }) },
    );
    expect(run.code).toBe(0);
    expect(run.requests[0]!.headers.authorization).toBe('Bearer env-key');
  });

  it('api key resolution: input wins over env var when both set', async () => {
    const run = await runAction(
      { api_key: 'input-key', message: 'test' },
      { env: { APIALERTS_API_KEY: 'env-key' }, script: () => ({ status: 200, body: { workspace: 'W', channel: 'C' } }) },
    );
    expect(run.requests[0]!.headers.authorization).toBe('Bearer input-key');
  });

  it('api key resolution: fails with helpful message when neither is set', async () => {
    const run = await runAction({ message: 'test' });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toContain('APIALERTS_API_KEY');
  });

  it('failure: calls setFailed when result is not successful', async () => {
    const run = await runAction({ api_key: 'bad-key', message: 'test' });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toMatch(/^::error::.*unauthorized/i);
    expect(run.lines.some((l) => l.startsWith('Alert sent'))).toBe(false);
  });

  it('failure: calls setFailed with a message when the server gives no error text', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'test', retries: '0' }, { script: () => ({ status: 500 }) });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toMatch(/^::error::API Alerts: \S/);
  });

  it('failure: calls setFailed for invalid data JSON', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'test', data: 'not-json' });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toContain('Invalid JSON');
    expect(run.requests).toHaveLength(0);
  });

  it('input handling: omits optional fields when empty', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'test' });
    const body = bodyOf(run.requests[0]) as Record<string, unknown>;
    // v2 left event, title and link out; ours fills them from the run (README: "Generated message").
    for (const field of ['channel', 'tags', 'data']) expect(body, field).not.toHaveProperty(field);
    expect(body.message).toBe('test');
  });

  it('input handling: splits comma-separated tags and trims whitespace', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'test', tags: 'CI/CD , JS , deploy' });
    expect(bodyOf(run.requests[0])).toMatchObject({ tags: ['CI/CD', 'JS', 'deploy'] });
  });

  it('input handling: parses data as JSON object', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'test', data: '{"env": "prod", "version": 2}' });
    expect(bodyOf(run.requests[0])).toMatchObject({ data: { env: 'prod', version: 2 } });
  });
});

// Issue 13 item 5: without job.check_run_id (GitHub Enterprise Server) the failing job's URL comes
// from the jobs REST API, asked with the token input; here a local server plays the API.
describe('notify action (built): the failing job looked up through the REST API', () => {
  const JOBS_PATH = '/repos/acme/web/actions/runs/1234567/attempts/2/jobs?per_page=100';
  const jobs = [
    { id: 501, name: 'build', status: 'completed', runner_name: 'runner-a' },
    { id: 502, name: 'ship', status: 'in_progress', runner_name: 'runner-b' },
    { id: 503, name: 'ship (2)', status: 'in_progress', runner_name: 'runner-c' },
  ];
  let github: TestServer | undefined;
  afterEach(async () => {
    await github?.close();
    github = undefined;
  });
  async function withGitHub(reply: (req: CapturedRequest) => { status: number; body: unknown }) {
    github = await startServer((req, res) => {
      const r = reply(req);
      json(res, r.status, r.body);
    });
    return { GITHUB_API_URL: github.url };
  }

  it('links the job running on this runner, asking with the token', async () => {
    const env = await withGitHub(() => ({ status: 200, body: { total_count: jobs.length, jobs } }));
    const run = await runAction(
      { api_key: GOOD_KEY },
      { jobStatus: 'failure', token: 'ghs_T0kenForTheJobsApi01', env: { ...env, RUNNER_NAME: 'runner-c' } },
    );
    expect(run.code).toBe(0);
    expect(github!.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${JOBS_PATH}`]);
    expect(github!.requests[0]!.headers.authorization).toBe('token ghs_T0kenForTheJobsApi01');
    expect(bodyOf(run.requests[0])).toMatchObject({ link: `${RUN_URL}/job/503` });
    expect(run.outputs.link).toBe(`${RUN_URL}/job/503`);
    expect(run.lines).toContain('::add-mask::ghs_T0kenForTheJobsApi01');
    expect(run.lines.filter((l) => l.includes('ghs_T0kenForTheJobsApi01'))).toHaveLength(1);
    expect(JSON.stringify(run.outputs) + run.summary + run.stderr).not.toContain('ghs_T0kenForTheJobsApi01');
  });

  it('without RUNNER_NAME, the one job in progress named like GITHUB_JOB', async () => {
    const env = await withGitHub(() => ({ status: 200, body: { total_count: jobs.length, jobs } }));
    const run = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'cancelled', token: 'ghs_tok3n-value', env });
    expect(bodyOf(run.requests[0])).toMatchObject({ link: `${RUN_URL}/job/502` });
  });

  it('an API that refuses (403) or cannot tell leaves the run attempt link, and says why', async () => {
    const env = await withGitHub(() => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
    const run = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'failure', token: 'ghs_tok3n-value', env });
    expect(run.code).toBe(0);
    expect(bodyOf(run.requests[0])).toMatchObject({ link: `${RUN_URL}/attempts/2` });
    expect(run.lines.find((l) => l.startsWith('Linking the run attempt'))).toMatch(/HTTP 403: Resource not accessible by integration/);
  });

  it('no lookup when the job id is given, on success, with a link input, or without a token', async () => {
    const env = await withGitHub(() => ({ status: 200, body: { total_count: jobs.length, jobs } }));
    const given = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'failure', jobId: '77', token: 't0ken-value', env });
    expect(bodyOf(given.requests[0])).toMatchObject({ link: `${RUN_URL}/job/77` });
    await api?.close();
    const success = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'success', token: 't0ken-value', env });
    expect(bodyOf(success.requests[0])).toMatchObject({ link: RUN_URL });
    await api?.close();
    const linked = await runAction({ api_key: GOOD_KEY, link: 'https://x.example' }, { jobStatus: 'failure', token: 't0ken-value', env });
    expect(bodyOf(linked.requests[0])).toMatchObject({ link: 'https://x.example' });
    await api?.close();
    const tokenless = await runAction({ api_key: GOOD_KEY }, { jobStatus: 'failure', env });
    expect(bodyOf(tokenless.requests[0])).toMatchObject({ link: `${RUN_URL}/attempts/2` });
    expect(github!.requests).toHaveLength(0);
  });
});
