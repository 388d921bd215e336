// Preflight (every variable a run needs, checked before counting), secrets carried by name or in a
// NAME=value bundle (only the rule file's names kept), fires that a configuration failure must not
// consume, and the heartbeat. Real files, real local servers; the evaluation as the shells call it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import type { Deliverer } from '../../src/deliver/types.js';
import { runEvaluation } from '../../src/evaluate/run.js';
import { environmentWithSecrets, parseSecretsBundle, parseSecretsJson, selectSecrets } from '../../src/evaluate/secrets.js';
import { secretEnvs } from '../../src/rules/secrets.js';
import { neededVariables } from '../../src/evaluate/preflight.js';
import { RulesFileSchema } from '../../src/rules/schema.js';
import { UserError } from '../../src/util/errors.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const SECRET = '5f2b1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c';
const STATE = '{\n  "version": 1,\n  "last_evaluated_at": "2026-04-26T11:55:00Z",\n  "rules": {},\n  "webhooks": {}\n}\n';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let dir: string;
let logs: TestServer; // a URL log source: any request means counting started
let hook: TestServer;
let api: TestServer;
let beat: TestServer;
let hookStatus = 200;
const errorLines =
  Array.from({ length: 8 }, (_, i) =>
    JSON.stringify({ time: new Date(T0 - (i + 1) * 10_000).toISOString(), level: 'error', msg: 'boom' }),
  ).join('\n') + '\n';

beforeAll(async () => {
  logs = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(errorLines);
  });
  hook = await startServer((_req, res) => {
    res.writeHead(hookStatus);
    res.end();
  });
  api = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ workspace: 'ws', channel: 'general' }));
  });
  beat = await startServer((_req, res) => {
    res.writeHead(200);
    res.end('OK');
  });
});
afterAll(async () => Promise.all([logs, hook, api, beat].map((s) => s.close())));
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preflight-'));
  for (const s of [logs, hook, api, beat]) s.requests.length = 0;
  hookStatus = 200;
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function setup(
  rules: Record<string, unknown>[],
  sources: Record<string, unknown>[] = [{ name: 'app', url: `${logs.url}/app.ndjson` }],
  delivery: Record<string, unknown> = {},
) {
  const rulesPath = join(dir, 'alerts.yml');
  await writeFile(
    rulesPath,
    stringify({
      project: 'shop',
      delivery: { allow_private_targets: true, ...delivery },
      sources,
      rules: rules.map((r, i) => ({
        id: id(i + 1),
        name: `Rule ${i + 1}`,
        level: 'error',
        threshold: 5,
        window_minutes: 5,
        channels: ['webhook'],
        notify_webhook: `${hook.url}/h`,
        allow_http: true,
        ...r,
      })),
    }),
  );
  const statePath = join(dir, 'state.json');
  await writeFile(statePath, STATE);
  return { rulesPath, statePath };
}

const deliverer = () => createDeliverer({ allowPrivateTargets: true, retryBaseMs: 1 });
const baseEnv = (): Record<string, string> => ({ APIALERTS_SERVER_URL: api.url, APIALERTS_RETRY_BASE_MS: '1' });

async function preflightFailure(
  paths: { rulesPath: string; statePath: string },
  env: Record<string, string>,
  extra: Partial<Parameters<typeof runEvaluation>[0]> = {},
): Promise<UserError> {
  const err = await runEvaluation({
    ...paths,
    now: new Date(T0),
    dryRun: false,
    env: { ...baseEnv(), ...env },
    deliverer: deliverer(),
    ...extra,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).exitCode).toBe(2);
  // Before counting: the log source was never requested; nothing was delivered; the state is byte-identical.
  expect(logs.requests).toHaveLength(0);
  expect(hook.requests.length + api.requests.length + beat.requests.length).toBe(0);
  expect(await readFile(paths.statePath, 'utf8')).toBe(STATE);
  return err as UserError;
}

describe('preflight: every variable checked before counting, exit 2 naming each, state untouched', () => {
  it('webhook: a missing secret, and a malformed one, name the variable and the rule', async () => {
    const p = await setup([{ notify_webhook_secret_env: 'HOOK_SECRET', name: 'Checkout errors' }]);
    expect((await preflightFailure(p, {})).message).toMatch(
      /HOOK_SECRET is not set: the webhook secret, needed by rule "Checkout errors" \(notify_webhook_secret_env\)/,
    );
    const bad = await preflightFailure(p, { HOOK_SECRET: 'hunter2-not-hex' });
    expect(bad.message).toMatch(/HOOK_SECRET is set but invalid \(secret #1 is not 64 lowercase hex characters\)/);
    expect(bad.message).not.toContain('hunter2');
  });

  it('email: a missing or malformed SMTP URL names delivery.smtp_url_env and every rule that emails', async () => {
    const p = await setup(
      [
        { channels: ['email'], notify_email: 'ops@shop.example', name: 'A' },
        { channels: ['email'], notify_email: 'ops@shop.example', name: 'B' },
      ],
      undefined,
      { smtp_url_env: 'MAIL_URL' },
    );
    expect((await preflightFailure(p, {})).message).toMatch(
      /MAIL_URL is not set: the SMTP URL, needed by rule "A", rule "B" \(delivery\.smtp_url_env\)/,
    );
    const bad = await preflightFailure(p, { MAIL_URL: 'https://user:pw-secret@mail.example' });
    expect(bad.message).toMatch(/MAIL_URL is set but invalid \(must start with smtp:\/\/ or smtps:\/\/ \(got https:\/\/\)\)/);
    expect(bad.message).not.toContain('pw-secret');
  });

  it('push: a missing API Alerts key names delivery.apialerts_key_env', async () => {
    const p = await setup([{ channels: ['apialerts'], name: 'Fatal' }]);
    expect((await preflightFailure(p, {})).message).toMatch(
      /APIALERTS_API_KEY is not set: the API Alerts key, needed by rule "Fatal" \(delivery\.apialerts_key_env\)/,
    );
  });

  it('sources: a URL token, a PostgreSQL URL and a ClickHouse URL, each naming its source; all problems at once', async () => {
    const p = await setup(
      [{ notify_webhook_secret_env: 'HOOK_SECRET' }],
      [
        { name: 'web', url: `${logs.url}/app.ndjson`, token_env: 'LOGS_TOKEN' },
        { name: 'pg', kind: 'postgres', url_env: 'PG_URL', table: 'logs' },
        { name: 'ch', kind: 'clickhouse', url_env: 'CH_URL', table: 'logs' },
      ],
    );
    const err = await preflightFailure(p, { CH_URL: 'not a url' });
    expect(err.message.split('\n').slice(1)).toEqual([
      '  - LOGS_TOKEN is not set: the bearer token of a URL source, needed by source "web" (token_env)',
      '  - PG_URL is not set: the PostgreSQL connection URL, needed by source "pg" (url_env)',
      '  - CH_URL is set but invalid (not a valid connection URL): the ClickHouse connection URL, needed by source "ch" (url_env)',
      '  - HOOK_SECRET is not set: the webhook secret, needed by rule "Rule 1" (notify_webhook_secret_env)',
    ]);
    expect(err.message).toMatch(
      /^4 environment variables the rules need are missing or invalid; nothing was counted and the state is untouched:/,
    );
  });

  it('needs only what enabled rules use: a disabled rule, an unused source and (in a dry run) the channels are not required', () => {
    const file = RulesFileSchema.parse({
      project: 'p',
      sources: [
        { name: 'a', url: 'https://logs.example/a', token_env: 'A_TOKEN' },
        { name: 'b', kind: 'postgres', url_env: 'B_URL', table: 't' },
      ],
      rules: [
        {
          id: id(1),
          name: 'on',
          level: 'error',
          threshold: 1,
          window_minutes: 5,
          channels: ['webhook'],
          notify_webhook: 'https://h.example/x',
          notify_webhook_secret_env: 'ON_SECRET',
          sources: ['a'],
        },
        {
          id: id(2),
          name: 'off',
          level: 'error',
          threshold: 1,
          window_minutes: 5,
          channels: ['email'],
          notify_email: 'a@b.example',
          enabled: false,
          sources: ['b'],
        },
      ],
    });
    expect(neededVariables(file, { sources: file.sources }).map((v) => v.name)).toEqual(['A_TOKEN', 'ON_SECRET']);
    expect(neededVariables(file, { sources: file.sources, dryRun: true }).map((v) => v.name)).toEqual(['A_TOKEN']);
    expect(neededVariables(file, { sources: file.sources, heartbeatEvent: true }).map((v) => v.name)).toEqual([
      'A_TOKEN',
      'ON_SECRET',
      'APIALERTS_API_KEY',
    ]);
    // Sources given on the command line replace the rule's own list.
    expect(neededVariables(file, { sources: [{ name: 'cli', path: 'x.log' }], ignoreRuleSources: true }).map((v) => v.name)).toEqual([
      'ON_SECRET',
    ]);
  });

  it('with everything set the run counts and delivers as before', async () => {
    const p = await setup([{ notify_webhook_secret_env: 'HOOK_SECRET' }]);
    const report = await runEvaluation({
      ...p,
      now: new Date(T0),
      dryRun: false,
      env: { ...baseEnv(), HOOK_SECRET: SECRET },
      deliverer: deliverer(),
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(['delivered']);
    expect(logs.requests).toHaveLength(1);
  });
});

describe('a delivery failing for a configuration reason never consumes the fire', () => {
  it('a webhook the address policy refuses: the rule fires again at the next tick; a receiver answering 500 consumes it (the seed)', async () => {
    const p = await setup(
      [
        { notify_webhook: 'http://127.0.0.1:9/refused', window_minutes: 15 },
        { name: 'Failing receiver', window_minutes: 15 },
      ],
      undefined,
      { allow_private_targets: false },
    );
    hookStatus = 500;
    const policy = createDeliverer({ allowPrivateTargets: false, retryBaseMs: 1 });
    // The second rule's receiver is on 127.0.0.1 too, but let through by this deliverer per rule below.
    const split: Deliverer = {
      deliver: async (ds, file, state, env) => {
        const refused = await policy.deliver(
          ds.filter((d) => d.rule.id === id(1)),
          file,
          state,
          env,
        );
        const failing = await deliverer().deliver(
          ds.filter((d) => d.rule.id === id(2)),
          { ...file, delivery: { ...file.delivery, allow_private_targets: true } },
          refused.state,
          env,
        );
        return { outcomes: [...refused.outcomes, ...failing.outcomes], state: failing.state };
      },
    };
    const first = await runEvaluation({ ...p, now: new Date(T0), dryRun: false, env: baseEnv(), deliverer: split });
    expect(first.outcomes.map((o) => [o.rule_id, o.status, o.detail?.slice(0, 8)])).toEqual([
      [id(1), 'failed', 'refused:'],
      [id(2), 'failed', expect.any(String)],
    ]);
    const state = JSON.parse(await readFile(p.statePath, 'utf8'));
    expect(state.rules[id(1)].last_triggered_at).toBeNull();
    expect(state.rules[id(2)].last_triggered_at).toBe('2026-04-26T12:00:00Z');
    const second = await runEvaluation({ ...p, now: new Date(T0 + 5 * MIN), dryRun: false, env: baseEnv(), deliverer: split });
    expect(second.decisions.map((d) => d.rule.id)).toEqual([id(1)]);
  });
});

describe("secrets by name and in a bundle: only the rule file's names reach the evaluation", () => {
  it('parses NAME=value lines (comments, export, quotes) and names the bad line without its value', () => {
    expect(parseSecretsBundle(`# comment\n\nHOOK=abc\nexport DB_URL = "postgres://u:p@h/db"\r\nQ='x y'\nEMPTY=\nEQ=a=b\n`)).toEqual({
      HOOK: 'abc',
      DB_URL: 'postgres://u:p@h/db',
      Q: 'x y',
      EMPTY: '',
      EQ: 'a=b',
    });
    expect(() => parseSecretsBundle('A=1\nnot-a-pair-s3cret\n')).toThrow(/line 2: expected NAME=value/);
    expect(() => parseSecretsBundle('A=1\nA=2')).toThrow(/line 2: A is set twice/);
    try {
      parseSecretsBundle('1BAD=s3cret');
    } catch (err) {
      expect((err as UserError).exitCode).toBe(2);
      expect((err as Error).message).not.toContain('s3cret');
    }
    expect(parseSecretsJson('{"A":"1","n":2}')).toEqual({ A: '1' });
    expect(() => parseSecretsJson('[1]')).toThrow(/JSON object/);
  });

  it('selects the named variables: by name wins over the bundle, empty counts as absent, the process env wins over both', () => {
    expect(selectSecrets(['A', 'B', 'C'], { byName: { A: 'named', B: '', X: 'x' }, bundle: { A: 'bundled', B: 'b', Y: 'y' } })).toEqual({
      A: 'named',
      B: 'b',
    });
    const env = environmentWithSecrets(
      { A: 'process', PATH: '/bin', INPUT_SECRETS_JSON: '{"all":1}', E: '' },
      { A: 'sel', B: 'sel-b', E: 'sel-e' },
      ['INPUT_SECRETS_JSON'],
    );
    expect(env).toEqual({ A: 'process', B: 'sel-b', PATH: '/bin', E: 'sel-e' });
  });

  it('names what the rule file names: delivery, webhook secrets, source URLs and tokens', () => {
    const file = RulesFileSchema.parse({
      project: 'p',
      delivery: { smtp_url_env: 'MAIL' },
      sources: [
        { name: 'a', url: 'https://l.example/a', token_env: 'TOK' },
        { name: 'b', kind: 'postgres', url_env: 'PG', table: 't' },
      ],
      rules: [
        {
          id: id(1),
          name: 'r',
          level: 'error',
          threshold: 1,
          window_minutes: 5,
          channels: ['webhook'],
          notify_webhook: 'https://h.example/x',
          notify_webhook_secret_env: 'HOOK',
        },
      ],
    });
    expect(secretEnvs(file).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'APIALERTS_API_KEY', list: false },
      { name: 'HOOK', list: true },
      { name: 'MAIL', list: false },
      { name: 'PG', list: false },
      { name: 'TOK', list: false },
    ]);
  });

  it('a run given secrets sees only the named ones: the bundle supplies the webhook secret, the rest never reaches delivery', async () => {
    const p = await setup([{ notify_webhook_secret_env: 'HOOK_SECRET' }]);
    let seen: NodeJS.ProcessEnv = {};
    const spy: Deliverer = {
      deliver: async (ds, file, state, env) => {
        seen = env;
        return deliverer().deliver(ds, file, state, env);
      },
    };
    const report = await runEvaluation({
      ...p,
      now: new Date(T0),
      dryRun: false,
      env: baseEnv(),
      secrets: { byName: { UNRELATED: 'u-value', github_token: 'ghs_x' }, bundle: { HOOK_SECRET: SECRET, OTHER: 'o-value' } },
      deliverer: spy,
    });
    expect(report.outcomes.map((o) => o.status)).toEqual(['delivered']);
    expect(seen.HOOK_SECRET).toBe(SECRET);
    expect(Object.values(seen)).not.toContain('u-value');
    expect(Object.values(seen)).not.toContain('o-value');
    expect(Object.values(seen)).not.toContain('ghs_x');
  });
});

describe('heartbeat', () => {
  it('requests the URL and sends the event after a run that delivered everything; nothing after a failed delivery or in a dry run', async () => {
    const p = await setup([{ notify_webhook_secret_env: 'HOOK_SECRET' }]);
    const env = { ...baseEnv(), HOOK_SECRET: SECRET, APIALERTS_API_KEY: 'ak_live_heartbeat' };
    const heartbeat = { url: `${beat.url}/ping/tok-123`, event: true };
    const ok = await runEvaluation({ ...p, now: new Date(T0), dryRun: false, env, deliverer: deliverer(), heartbeat });
    expect(ok.heartbeat).toEqual({ url: 'sent', event: 'sent' });
    expect(beat.requests.map((r) => [r.method, r.url])).toEqual([['POST', '/ping/tok-123']]);
    expect(JSON.parse(beat.requests[0]!.rawBody.toString())).toMatchObject({ project: 'shop', ticks: 1, fired: 1 });
    expect(api.requests).toHaveLength(1);
    expect(JSON.parse(api.requests[0]!.rawBody.toString())).toMatchObject({ event: 'alerts.heartbeat', tags: ['heartbeat'] });
    expect(api.requests[0]!.headers.authorization).toBe('Bearer ak_live_heartbeat');

    hookStatus = 500;
    await writeFile(p.statePath, STATE);
    const failed = await runEvaluation({ ...p, now: new Date(T0), dryRun: false, env, deliverer: deliverer(), heartbeat });
    expect(failed.outcomes.map((o) => o.status)).toEqual(['failed']);
    expect(failed.heartbeat).toBeUndefined();
    const dry = await runEvaluation({ ...p, now: new Date(T0 + 5 * MIN), dryRun: true, env, heartbeat });
    expect(dry.heartbeat).toBeUndefined();
    expect([beat.requests.length, api.requests.length]).toEqual([1, 1]);
  });

  it('a heartbeat that cannot be sent is reported without the URL; a heartbeat event without a key is a preflight error', async () => {
    const p = await setup([{ notify_webhook_secret_env: 'HOOK_SECRET' }]);
    const r = await runEvaluation({
      ...p,
      now: new Date(T0),
      dryRun: false,
      env: { ...baseEnv(), HOOK_SECRET: SECRET },
      deliverer: deliverer(),
      heartbeat: { url: 'http://127.0.0.1:9/ping/tok-456' },
    });
    expect(r.heartbeat?.url).toMatch(/^failed: /);
    expect(r.heartbeat?.url).not.toContain('tok-456');
    const q = await setup([{ notify_webhook_secret_env: 'HOOK_SECRET' }]);
    for (const s of [logs, hook, api, beat]) s.requests.length = 0;
    const err = await preflightFailure(q, { HOOK_SECRET: SECRET }, { heartbeat: { event: true } });
    expect(err.message).toMatch(/APIALERTS_API_KEY is not set: the API Alerts key, needed by the heartbeat event/);
  });
});
