// Contract test: action.yml and the code must never drift (inputs, defaults, outputs, entry).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { NOTIFY_INPUTS, NOTIFY_OUTPUTS } from '../../src/action/notify-inputs.js';
import { ROOT } from '../events/support.js';

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const source = ['notify-inputs.ts', 'notify-run.ts'].map((f) => readFileSync(join(ROOT, 'src/action', f), 'utf8')).join('\n');
const docs = readFileSync(join(ROOT, 'README.md'), 'utf8');

// @action-validator/core checks action.yml against the SchemaStore action schema (wasm, offline).
const { validateAction } = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction: (src: string) => { errors: { path?: string; title: string; detail?: string }[] };
};

describe('action.yml', () => {
  it('passes the action metadata schema (@action-validator/core)', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    // Its bundled schema (0.6.0) predates node24; node24 itself is asserted below.
    const result = validateAction(text.replace("using: 'node24'", "using: 'node20'"));
    expect(result.errors).toEqual([]);
    // And the validator does catch mistakes, so this test can fail.
    expect(validateAction(text.replace("icon: 'bell'", "icon: 'no-such-icon'")).errors).not.toEqual([]);
  });

  it('runs the notify bundle on node24, built from src/action/notify.ts', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/notify/index.js' });
    expect(readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8')).toContain("notify: 'src/action/notify.ts'");
  });

  it('has a name, description and branding', () => {
    expect(action.name).toBeTruthy();
    expect(action.description.length).toBeLessThanOrEqual(125 * 2);
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(NOTIFY_INPUTS).sort());
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(spec.default ?? '', `default of ${name}`).toBe(NOTIFY_INPUTS[name as keyof typeof NOTIFY_INPUTS]);
      expect(spec.required ?? false, `${name} must not be required (v2 workflows and bare steps)`).toBe(false);
      expect(spec.description, `description of ${name}`).toBeTruthy();
    }
  });

  it('keeps every v2 input', () => {
    for (const v2 of ['api_key', 'message', 'channel', 'event', 'title', 'tags', 'link', 'data']) expect(action.inputs).toHaveProperty(v2);
  });

  it('every input is actually read by the code', () => {
    const read = new Set([...source.matchAll(/(?:input|getInput)\('(\w+)'\)/g)].map((m) => m[1]));
    for (const name of Object.keys(action.inputs)) expect(read.has(name), `input ${name} is never read`).toBe(true);
  });

  it('declares exactly the outputs the code writes', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...NOTIFY_OUTPUTS].sort());
    const written = new Set([...source.matchAll(/(?:output|setOutput)\('(\w+)'/g)].map((m) => m[1]));
    expect([...written].sort()).toEqual([...NOTIFY_OUTPUTS].sort());
    for (const [name, spec] of Object.entries(action.outputs)) expect(spec.description, `description of ${name}`).toBeTruthy();
  });

  it('documents every input and output in README.md', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(docs, `README.md lacks a table row for ${name}`).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    }
  });
});
