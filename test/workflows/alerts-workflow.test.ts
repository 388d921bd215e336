// The reusable alerts workflow's structure, and the example callers: what keeps state safe between
// scheduled runs (cache keys, save on failure, serialised runs) and what wires it to the action.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/deliver/verify.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { ROOT, builtBundle } from '../events/support.js';
import { callInputs, calledSecrets, runActionStep, runScriptStep } from './mini-runner.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  if?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const wf = parse(readFileSync(join(ROOT, '.github/workflows/alerts.yml'), 'utf8'));
const job = wf.jobs.evaluate as {
  concurrency: { group: string; 'cancel-in-progress': boolean };
  steps: Step[];
  outputs: Record<string, string>;
};
const step = (uses: string) => {
  const found = job.steps.filter((s) => s.uses?.startsWith(uses));
  expect(found, `one step uses ${uses}`).toHaveLength(1);
  return found[0]!;
};
const action = parse(readFileSync(join(ROOT, 'evaluate/action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

describe('.github/workflows/alerts.yml', () => {
  it('is a reusable workflow (workflow_call) with the documented inputs, secrets and outputs', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_call']);
    expect(Object.keys(wf.on.workflow_call.inputs)).toEqual(
      expect.arrayContaining(['rules', 'logs', 'state-key', 'runs-on', 'node-options']),
    );
    // Declared, so a caller in another organization can pass them: the bundle plus the common names.
    expect(Object.keys(wf.on.workflow_call.secrets).sort()).toEqual([
      'APIALERTS_API_KEY',
      'APIALERTS_SECRETS',
      'HEARTBEAT_URL',
      'LOGS_DATABASE_URL',
      'LOGS_TOKEN',
      'SMTP_URL',
      'WEBHOOK_SECRET',
    ]);
    for (const s of Object.values<{ required: boolean }>(wf.on.workflow_call.secrets)) expect(s.required).toBe(false);
    for (const o of Object.values<{ value: string }>(wf.on.workflow_call.outputs))
      expect(o.value).toMatch(/^\$\{\{ jobs\.evaluate\.outputs\.[a-z-]+ \}\}$/);
  });

  it('restores the state by key prefix and saves it under a unique key, also when the evaluation failed', () => {
    const restore = step('actions/cache/restore@');
    const save = step('actions/cache/save@');
    const unique = '${{ inputs.state-key }}-run-${{ github.run_id }}-${{ github.run_attempt }}';
    const prefix = String(restore.with!['restore-keys']).trim();
    expect(restore.with!.key).toBe(unique);
    expect(prefix).toBe('${{ inputs.state-key }}-run-');
    expect(unique.startsWith(prefix)).toBe(true);
    // What actions/cache does with the prefix, for two rule sets whose keys share a beginning: each
    // restores only its own entries, and a key that would break this is refused before any restore.
    const entry = (key: string, run: number) =>
      unique.replace('${{ inputs.state-key }}', key).replace('${{ github.run_id }}', String(run)).replace('${{ github.run_attempt }}', '1');
    const entries = [entry('prod', 1), entry('prod-staging', 2)];
    const restores = (key: string) => entries.filter((e) => e.startsWith(prefix.replace('${{ inputs.state-key }}', key)));
    expect([restores('prod'), restores('prod-staging')]).toEqual([[entry('prod', 1)], [entry('prod-staging', 2)]]);
    const guard = job.steps.find((s) => s.name === 'Check the state key')!;
    expect(guard.if).toBe("contains(format('{0}-', inputs.state-key), '-run-')");
    expect(guard.run).toMatch(/::error::state-key must not contain '-run-'[\s\S]*exit [1-9]/);
    expect(job.steps.indexOf(guard)).toBeLessThan(job.steps.indexOf(restore));
    // The guard's expression, evaluated: every key it lets through restores only its own entries.
    const refused = (key: string) => `${key}-`.includes('-run-');
    const keys = ['prod', 'prod-run', 'prod-staging', 'a-run-b', 'running', 'prod-runner', 'run', '-run', 'apialerts-state'];
    expect(keys.filter(refused)).toEqual(['prod-run', 'a-run-b', '-run']);
    const allowed = keys.filter((k) => !refused(k));
    const prefixOf = (key: string) => prefix.replace('${{ inputs.state-key }}', key);
    expect(entry('prod-run', 9).startsWith(prefixOf('prod'))).toBe(true); // why "-run" endings are refused
    for (const a of allowed)
      for (const b of allowed) if (a !== b) expect(entry(b, 9).startsWith(prefixOf(a)), `${a} restores ${b}`).toBe(false);
    expect(save.with!.key).toBe(unique);
    // Saved after a failed evaluation too, never after a cancel.
    expect(save.if).toBe("(!cancelled()) && hashFiles('.apialerts/state.json') != ''");
    // Restore, evaluate and save agree on the state file.
    const evaluate = step('./.apialerts-toolkit/evaluate');
    expect(restore.with!.path).toBe(evaluate.with!.state);
    expect(save.with!.path).toBe(evaluate.with!.state);
    const order = job.steps.map((s) => s.uses ?? '');
    expect(order.indexOf(restore.uses!)).toBeLessThan(order.indexOf(evaluate.uses!));
    expect(order.indexOf(evaluate.uses!)).toBeLessThan(order.indexOf(save.uses!));
  });

  it('serialises runs on the same state with a concurrency group that never cancels a run in progress', () => {
    // Keyed only by the state (never by the run or the caller's workflow name, which would not serialise).
    expect(job.concurrency.group).toBe('apialerts-threshold-alerts-${{ inputs.state-key }}');
    expect(job.concurrency['cancel-in-progress']).toBe(false);
  });

  it('passes only inputs the evaluate action declares, the secrets context and the bundle, and maps every output', () => {
    const evaluate = step('./.apialerts-toolkit/evaluate');
    for (const key of Object.keys(evaluate.with!)) expect(action.inputs, `evaluate/action.yml declares ${key}`).toHaveProperty(key);
    expect(evaluate.with!.secrets_json).toBe('${{ toJSON(secrets) }}');
    expect(evaluate.with!.secrets_bundle).toBe('${{ secrets.APIALERTS_SECRETS }}');
    // No secret reaches the step as a variable of its own: the action selects what the rule file names.
    expect(Object.keys(evaluate.env ?? {})).toEqual(['NODE_OPTIONS']);
    for (const v of Object.values(job.outputs).filter((o) => o.includes('steps.evaluate.'))) {
      const name = /steps\.evaluate\.outputs\.([a-z_]+)/.exec(v)?.[1];
      expect(action.outputs, `evaluate/action.yml declares output ${name}`).toHaveProperty(name!);
    }
    expect(job.outputs.toolkit).toBe('${{ steps.toolkit.outputs.repository }}@${{ steps.toolkit.outputs.ref }}');
    // The action comes from this repository, checked out beside the caller's files.
    const checkout = job.steps.find((s) => s.with?.path === '.apialerts-toolkit')!;
    expect(checkout.uses).toMatch(/^actions\/checkout@/);
    // No step needs the token after checkout, so neither checkout leaves it in .git/config.
    const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => s.with?.['persist-credentials'])).toEqual([false, false]);
  });
});

describe('examples/workflows', () => {
  const examples = readdirSync(join(ROOT, 'examples/workflows'))
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  const load = (n: string) => parse(readFileSync(join(ROOT, 'examples/workflows', n), 'utf8'));
  const callers = examples.flatMap((n) =>
    Object.entries(load(n).jobs as Record<string, { uses?: string; with?: Record<string, unknown>; secrets?: unknown }>)
      .filter(([, j]) => j.uses?.includes('/.github/workflows/alerts.yml@'))
      .map(([id, j]) => ({ file: n, id, job: j })),
  );

  it('every job has a timeout and a permissions block (a caller job passes timeout-minutes to the workflow)', () => {
    for (const n of examples) {
      for (const [id, j] of Object.entries(load(n).jobs as Record<string, Record<string, unknown>>)) {
        expect(j.permissions, `${n} job ${id} permissions`).toBeTypeOf('object');
        if (j.uses) expect((j.with as Record<string, unknown>)?.['timeout-minutes'], `${n} job ${id} timeout`).toBeTypeOf('number');
        else expect(j['timeout-minutes'], `${n} job ${id} timeout`).toBeTypeOf('number');
      }
    }
  });

  it('each caller has its own state key, declared-secret names only (or inherit), and the schedule is never on the deploy workflow', () => {
    expect(callers.length).toBeGreaterThanOrEqual(2);
    const keys = callers.map((c) => c.job.with?.['state-key']);
    for (const k of keys) expect(k, 'an explicit state-key').toBeTypeOf('string');
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of callers) {
      if (c.job.secrets === 'inherit') continue;
      for (const name of Object.keys(c.job.secrets as object))
        expect(wf.on.workflow_call.secrets, `${c.file} passes ${name}`).toHaveProperty(name);
    }
    // At least one caller works from another organization as written (no inherit).
    expect(callers.some((c) => c.job.secrets !== 'inherit' && 'APIALERTS_SECRETS' in (c.job.secrets as object))).toBe(true);
    const deploy = load('deploy.yml');
    expect(deploy.on).not.toHaveProperty('schedule');
    const notify = (deploy.jobs.deploy.steps as Step[]).find((s) => s.name === 'Tell the team')!;
    expect(notify.if).toBe('success() || failure()');
  });

  it('every workflow, example and README snippet passes a current actionlint (>= 1.7) with no Node 20 action', () => {
    const out = execFileSync(process.execPath, ['scripts/lint-workflows.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/^actionlint 1\.(7|[89]|\d\d)\.\d+: \d+ workflows in \d+ files, 0 problems/m);
  });

  it('the lint finds what it should: an old action major, an unknown context property, a bad README snippet', async () => {
    const { lintFiles, outdatedActions, workflowSnippets } = await import('../../scripts/lint-workflows.mjs');
    expect(
      outdatedActions('    - uses: actions/checkout@v4\n    - uses: actions/cache/save@v5\n      uses: actions/setup-node@v3').map(
        (f: { line: number }) => f.line,
      ),
    ).toEqual([1, 3]);
    const md =
      'text\n```yaml\n- uses: actions/checkout@v6\n- run: echo ${{ github.event.nope.x }} ${{ steps.x.outputs.y }}\n```\n\n```yaml\nrules: []\n```\n';
    expect(workflowSnippets(md).map((u: { kind: string; line: number }) => [u.kind, u.line])).toEqual([['steps', 3]]);
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const file = join(dir, 'bad.yml');
    writeFileSync(
      file,
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo ${{ job.nope }}\n',
    );
    const { findings } = await lintFiles([relative(ROOT, file)]);
    expect(findings.map((f: { line: number; kind: string }) => `${f.line} ${f.kind}`).sort()).toEqual(['6 node24', '7 expression']);
  });
});

// ---- The workflow's logic, driven as GitHub would for a caller in another organization and one in the same.

const SECRET = '5f2b1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c';
const RULE_ID = '4c3b2a19-0f8e-4d7c-9b6a-5e4d3c2b1a09';
let hook: TestServer;
let beat: TestServer;
beforeAll(async () => {
  hook = await startServer((_req, res) => {
    res.writeHead(200);
    res.end();
  });
  beat = await startServer((_req, res) => {
    res.writeHead(200);
    res.end('OK');
  });
});
afterAll(async () => {
  await hook.close();
  await beat.close();
});

/** The caller's repository as checked out: a rule file naming its webhook secret, and a burst of errors just before the current tick. */
function callerRepository(secretEnv: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'caller-'));
  const tick = Math.floor(Date.now() / 300_000) * 300_000;
  const lines = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({ time: new Date(tick - 60_000 - i * 1000).toISOString(), level: 'error', msg: `checkout failed #${i}` }),
  );
  writeFileSync(join(dir, 'app.log'), lines.join('\n') + '\n');
  writeFileSync(
    join(dir, 'alerts.yml'),
    stringify({
      project: 'caller-shop',
      sources: [{ name: 'app', path: 'app.log' }],
      rules: [
        {
          id: RULE_ID,
          name: 'Checkout errors',
          level: 'error',
          threshold: 5,
          window_minutes: 15,
          channels: ['webhook'],
          notify_webhook: `${hook.url}/hook`,
          allow_http: true,
          notify_webhook_secret_env: secretEnv,
        },
      ],
    }),
  );
  return dir;
}

/** Runs the reusable workflow's steps for a caller job: resolve the version, evaluate (as the runner would start the action), against local servers. */
async function driveWorkflow(
  callerJob: { with?: Record<string, unknown>; secrets?: unknown },
  callerStore: Record<string, string>,
  sameOrganization: boolean,
  workspace: string,
) {
  const ctx = {
    inputs: callInputs(wf, { ...callerJob.with, 'allow-private-targets': true }),
    secrets: calledSecrets(wf, callerJob.secrets, callerStore, { sameOrganization }),
    job: { workflow_repository: 'apialerts/apialerts-toolkit', workflow_sha: '0123456789abcdef0123456789abcdef01234567' },
  };
  const resolve = job.steps.find((s) => s.id === 'toolkit')!;
  const version = await runScriptStep(resolve, ctx, workspace);
  const evaluate = step('./.apialerts-toolkit/evaluate');
  const result = await runActionStep(evaluate, ctx, builtBundle('evaluate'), workspace, { APIALERTS_RETRY_BASE_MS: '5' });
  return { ctx, version, result };
}

describe('the reusable workflow driven as GitHub runs it', () => {
  const crossOrgCaller = () => parse(readFileSync(join(ROOT, 'examples/workflows/alerts-schedule.yml'), 'utf8')).jobs.alerts;
  const sameOrgCaller = () => parse(readFileSync(join(ROOT, 'examples/workflows/alerts-same-org.yml'), 'utf8')).jobs.alerts;

  it("a caller in another organization (declared secrets only, the bundle carrying the rule file's names): the webhook is delivered and verifies; the heartbeat URL is requested", async () => {
    const caller = crossOrgCaller();
    expect(caller.secrets).not.toBe('inherit');
    const ws = callerRepository('HIGH_ERROR_RATE_SECRET');
    const store = {
      APIALERTS_SECRETS: `# bundle of the caller's organization\nHIGH_ERROR_RATE_SECRET=${SECRET}\nUNUSED_TOKEN=never-passed-on\n`,
      HEARTBEAT_URL: `${beat.url}/ping/4f1c-token`,
      OTHER_ORG_SECRET: 'not-declared-not-passed',
    };
    hook.requests.length = 0;
    beat.requests.length = 0;
    const { ctx, version, result } = await driveWorkflow({ ...caller, with: { ...caller.with, logs: '' } }, store, false, ws);
    // GitHub passes only the declared secrets the caller named.
    expect(Object.keys(ctx.secrets).sort()).toEqual(['APIALERTS_SECRETS', 'HEARTBEAT_URL', 'github_token']);
    expect(version.outputs).toEqual({ repository: 'apialerts/apialerts-toolkit', ref: '0123456789abcdef0123456789abcdef01234567' });
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.outputs.fired_count).toBe('1');
    expect(hook.requests).toHaveLength(1);
    const req = hook.requests[0]!;
    expect(verifySignature(req.rawBody, req.headers as Record<string, string>, SECRET)).toMatchObject({ ok: true });
    expect(JSON.parse(req.rawBody.toString())).toMatchObject({ alert_id: RULE_ID, alert_name: 'Checkout errors', match_count: 6 });
    expect(beat.requests.map((r) => [r.method, r.url])).toEqual([['POST', '/ping/4f1c-token']]);
    expect(JSON.parse(beat.requests[0]!.rawBody.toString())).toMatchObject({ project: 'caller-shop', ticks: 1, fired: 1 });
    // Every value masked, none printed.
    expect(result.stdout).toContain(`::add-mask::${SECRET}`);
    expect(result.stdout.replace(/::add-mask::.*\n/g, '')).not.toMatch(new RegExp(`${SECRET}|4f1c-token|never-passed-on`));
    // The state the cache step saves.
    expect(JSON.parse(readFileSync(join(ws, '.apialerts/state.json'), 'utf8')).rules[RULE_ID].last_triggered_at).toMatch(/Z$/);
  });

  it('the same caller with inherit from another organization gets nothing: exit 2 naming the missing secret, before counting, no state', async () => {
    const ws = callerRepository('HIGH_ERROR_RATE_SECRET');
    hook.requests.length = 0;
    const { result } = await driveWorkflow(
      { with: { rules: 'alerts.yml' }, secrets: 'inherit' },
      { HIGH_ERROR_RATE_SECRET: SECRET },
      false,
      ws,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /::error::.*HIGH_ERROR_RATE_SECRET is not set: the webhook secret, needed by rule "Checkout errors" \(notify_webhook_secret_env\)/s,
    );
    expect(hook.requests).toHaveLength(0);
    expect(existsSync(join(ws, '.apialerts/state.json'))).toBe(false);
  });

  it('a caller in the same organization with secrets: inherit: delivered and verified, and only the names the rule file uses reach the evaluation', async () => {
    const caller = sameOrgCaller();
    expect(caller.secrets).toBe('inherit');
    const ws = callerRepository('PAYMENTS_HOOK_SECRET');
    hook.requests.length = 0;
    const { ctx, result } = await driveWorkflow(
      { ...caller, with: { ...caller.with, rules: 'alerts.yml', 'heartbeat-event': false } },
      { PAYMENTS_HOOK_SECRET: SECRET, UNRELATED_DEPLOY_KEY: 'deploy-key-value' },
      true,
      ws,
    );
    expect(ctx.secrets).toHaveProperty('UNRELATED_DEPLOY_KEY');
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(hook.requests).toHaveLength(1);
    expect(verifySignature(hook.requests[0]!.rawBody, hook.requests[0]!.headers as Record<string, string>, SECRET)).toMatchObject({
      ok: true,
    });
  });

  it("resolves the evaluate action to the workflow file's own repository and commit; the inputs override; a runner without the job properties falls back with a warning", async () => {
    const resolve = job.steps.find((s) => s.id === 'toolkit')!;
    const ws = mkdtempSync(join(tmpdir(), 'resolve-'));
    const run = (inputs: Record<string, string>, jobCtx: Record<string, string>) =>
      runScriptStep(resolve, { inputs: callInputs(wf, inputs), secrets: {}, job: jobCtx }, ws);
    const own = { workflow_repository: 'acme/apialerts-toolkit', workflow_sha: 'a'.repeat(40) };
    expect((await run({}, own)).outputs).toEqual({ repository: 'acme/apialerts-toolkit', ref: 'a'.repeat(40) });
    expect((await run({ 'toolkit-ref': 'v1.2.3' }, own)).outputs).toEqual({ repository: 'acme/apialerts-toolkit', ref: 'v1.2.3' });
    // Another repository than the workflow's: its commit is not ours to use.
    const other = await run({ 'toolkit-repository': 'me/fork' }, own);
    expect(other.outputs).toEqual({ repository: 'me/fork', ref: 'v1' });
    expect(other.stdout).toMatch(/::warning::no commit for the evaluate action/);
    const old = await run({}, {});
    expect(old.outputs).toEqual({ repository: 'apialerts/apialerts-toolkit', ref: 'v1' });
    expect(old.stdout).toMatch(/::warning::this runner does not report job\.workflow_repository/);
    // The checkout of the action uses exactly what was resolved.
    const checkout = job.steps.find((s) => s.with?.path === '.apialerts-toolkit')!;
    expect(checkout.with).toMatchObject({ repository: '${{ steps.toolkit.outputs.repository }}', ref: '${{ steps.toolkit.outputs.ref }}' });
  });
});
