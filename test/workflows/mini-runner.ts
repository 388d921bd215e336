// Just enough of GitHub's runner to drive the reusable alerts workflow's logic from a test: the
// `secrets` context a called workflow gets from its caller (only declared secrets, or everything with
// `inherit`), the `${{ }}` expressions the workflow's steps use, and a step's run: script or a
// JavaScript action started exactly as the runner starts it (INPUT_* env, GITHUB_OUTPUT file).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Context {
  inputs: Record<string, string>;
  secrets: Record<string, string>;
  job?: Record<string, string>;
  github?: Record<string, string>;
}

/**
 * One `${{ }}` expression of the forms the workflow uses; anything else throws, so a workflow edit
 * that this runner does not understand fails the test instead of passing silently.
 */
export function evaluateExpression(expr: string, ctx: Context): string {
  const e = expr.trim();
  let m: RegExpExecArray | null;
  if (e === 'toJSON(secrets)') return JSON.stringify(ctx.secrets, null, 2);
  if ((m = /^(inputs|secrets|github)\.([A-Za-z_][\w-]*)$/.exec(e)))
    return (ctx[m[1] as 'inputs' | 'secrets' | 'github'] ?? {})[m[2]!] ?? '';
  // The job context's newer properties, read through fromJSON(toJSON(job)) (empty where GitHub lacks them).
  if ((m = /^fromJSON\(toJSON\(job\)\)\.(\w+)$/.exec(e))) return ctx.job?.[m[1]!] ?? '';
  throw new Error(`mini-runner: unsupported expression \${{ ${e} }}`);
}

export function interpolate(value: unknown, ctx: Context): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_all, expr: string) => evaluateExpression(expr, ctx));
}

export function loadWorkflow(file: string): {
  on: { workflow_call: { inputs: Record<string, { type: string; default?: unknown }>; secrets: Record<string, unknown> } };
  jobs: Record<string, { steps: Step[] }>;
} {
  return parse(readFileSync(file, 'utf8'));
}

/** The called workflow's inputs: what the caller gave, else the declared default, as strings. */
export function callInputs(wf: ReturnType<typeof loadWorkflow>, given: Record<string, unknown> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(wf.on.workflow_call.inputs)) {
    const v = name in given ? given[name] : spec.default;
    out[name] = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  }
  return out;
}

/**
 * The `secrets` context of the called workflow. With `inherit`, every caller secret (only within one
 * organization: across organizations GitHub passes none). Otherwise the caller's `secrets:` mapping,
 * each name of which must be declared by the called workflow (GitHub refuses the call otherwise).
 * Declared secrets the caller did not pass are absent; github_token is always there.
 */
export function calledSecrets(
  wf: ReturnType<typeof loadWorkflow>,
  callerSecretsField: unknown,
  callerStore: Record<string, string>,
  opts: { sameOrganization: boolean },
): Record<string, string> {
  const base = { github_token: 'ghs_runner_token_0000' };
  if (callerSecretsField === 'inherit') return opts.sameOrganization ? { ...base, ...callerStore } : base;
  const out: Record<string, string> = { ...base };
  const declared = wf.on.workflow_call.secrets ?? {};
  for (const [name, expr] of Object.entries((callerSecretsField ?? {}) as Record<string, string>)) {
    if (!(name in declared)) throw new Error(`the caller passes secret ${name}, which the called workflow does not declare`);
    const value = interpolate(expr, { inputs: {}, secrets: callerStore });
    if (value) out[name] = value;
  }
  return out;
}

export interface StepResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

function parseOutputFile(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

function spawnStep(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Omit<StepResult, 'outputs'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A `run:` step under bash, with its `env:` interpolated, as the runner runs it. */
export async function runScriptStep(step: Step, ctx: Context, workspace: string): Promise<StepResult> {
  const out = join(workspace, `.output-${step.id ?? 'step'}`);
  writeFileSync(out, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: out };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v, ctx);
  const r = await spawnStep('bash', ['-e', '-c', interpolate(step.run, ctx)], workspace, env);
  return { ...r, outputs: parseOutputFile(out) };
}

/**
 * A JavaScript action step: its `with:` and `env:` interpolated, inputs as INPUT_<NAME>, started as
 * `node <main>` in the workspace. `extraEnv` stands for the runner's own variables.
 */
export async function runActionStep(
  step: Step,
  ctx: Context,
  main: string,
  workspace: string,
  extraEnv: Record<string, string> = {},
): Promise<StepResult> {
  const out = join(workspace, `.output-${step.id ?? 'step'}`);
  const summary = join(workspace, `.summary-${step.id ?? 'step'}`);
  writeFileSync(out, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: workspace, ...extraEnv };
  for (const [k, v] of Object.entries(step.with ?? {})) env[`INPUT_${k.toUpperCase().replace(/ /g, '_')}`] = interpolate(v, ctx);
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(v, ctx);
  const r = await spawnStep(process.execPath, [main], workspace, env);
  return { ...r, outputs: parseOutputFile(out) };
}
