// Runs the BUILT action (dist/notify/index.js) the way the runner does: INPUT_* with the
// defaults already substituted, GITHUB_* context, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files,
// against a local server implementing the API Alerts contract.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFY_INPUTS } from '../../src/action/notify-inputs.js';
import { VERSION } from '../../src/version.js';
import type { CapturedRequest, TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, bodyOf, builtBundle, parseOutputs, runNode, startApi, tempDir, type Script } from '../events/support.js';

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
  opts: { script?: Script; env?: Record<string, string>; jobStatus?: string; jobId?: string; serverVia?: 'input' | 'env' } = {},
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
    ...(opts.serverVia === 'env' ? {} : { server_url: api.url }),
    ...inputs,
  };
  const env: Record<string, string> = { ...GITHUB, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, APIALERTS_RETRY_BASE_MS: '20', ...opts.env };
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
    expect(bodyOf(cancelled.requests[0])).toMatchObject({ link: `${RUN_URL}/job/7`, event: 'ci.job.cancelled', title: 'Deploy was cancelled' });
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
    expect(run.lines.at(-1)).toMatch(/^::error::API Alerts: input data: not valid JSON \(/);
    expect(run.outputs).toMatchObject({ sent: 'false', http_status: '' });
    expect(run.summary).toContain('### API Alerts: event NOT sent');
    expectNoKey(run);
  });

  it('data that is JSON but not an object is refused', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', data: '[1,2]' });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe('::error::API Alerts: input data: expected a JSON object like {"version":"1.2.3"}, got an array');
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

  it('a link the server would reject fails before sending', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', link: 'app.example.com' });
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(0);
    expect(run.lines.at(-1)).toBe('::error::API Alerts: link "app.example.com" must start with http://, https://, mailto: or tel:');
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
    expect(JSON.parse(run.lines.slice(1).join('\n'))).toEqual({ message: 'Would go', channel: 'ops', event: 'ci.job.success', title: 'Deploy succeeded', link: RUN_URL });
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
    expect(run.lines.at(-1)).toMatch(/^::error::API Alerts: could not reach 127\.0\.0\.1:\d+: no answer within 300 ms \(after 2 attempts\)$/);
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
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', fail_on_error: 'false', retries: '0' }, { script: () => ({ status: 503 }) });
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toBe('::warning::API Alerts: alert not sent (fail_on_error is false, so the step passes): 503 server error from API Alerts');
    expect(run.outputs).toMatchObject({ sent: 'false', http_status: '503' });
  });

  it('fail_on_error: false also covers bad input such as invalid data', async () => {
    const run = await runAction({ api_key: GOOD_KEY, message: 'm', fail_on_error: 'false', data: 'nope' });
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toMatch(/^::warning::API Alerts: alert not sent .*input data: not valid JSON/);
  });

  it('the key never appears in any output, even when the server echoes it back', async () => {
    const run = await runAction(
      { api_key: GOOD_KEY, message: 'm' },
      { script: (req) => ({ status: 403, body: { error: `key ${String(req.headers.authorization)} is not allowed` } }) },
    );
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe('::error::API Alerts: 403 Forbidden: this API key may not send to this workspace or channel (server said: key Bearer *** is not allowed)');
    expectNoKey(run);
  });
});

describe('notify action (built): proxy', () => {
  it('honours http_proxy (forward proxy) for the API URL', async () => {
    const { createServer, request } = await import('node:http');
    const seen: string[] = [];
    const proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const upstream = request({ host: '127.0.0.1', port: api!.port, method: req.method, path: new URL(req.url ?? '/').pathname, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
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
