// Contract test: evaluate/action.yml and the evaluate action's code never drift apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EVALUATE_INPUTS, EVALUATE_OUTPUTS } from '../../src/action/evaluate-run.js';
import { ROOT } from '../events/support.js';

const text = readFileSync(join(ROOT, 'evaluate/action.yml'), 'utf8');
const action = parse(text) as {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const { validateAction } = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction: (src: string) => { errors: unknown[] };
};

describe('evaluate/action.yml', () => {
  it('passes the action metadata schema (node24 swapped for node20: the validator predates it)', () => {
    expect(validateAction(text.replace("using: 'node24'", "using: 'node20'")).errors).toEqual([]);
    expect(validateAction(text.replace("using: 'node24'", "using: 'node99'")).errors).not.toEqual([]);
  });

  it('runs the built evaluate bundle on node24, relative to its own directory', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/evaluate/index.js' });
    expect(existsSync(join(ROOT, 'evaluate', action.runs.main))).toBe(true);
  });

  it('declares exactly the inputs the code reads, with the same defaults, none required', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(EVALUATE_INPUTS).sort());
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(spec.default, `default of ${name}`).toBe(EVALUATE_INPUTS[name as keyof typeof EVALUATE_INPUTS]);
      expect(spec.required).toBe(false);
      expect(spec.description).toBeTruthy();
    }
  });

  it('declares exactly the outputs the code writes, and the README documents each input and output', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...EVALUATE_OUTPUTS].sort());
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### The evaluate action'));
    for (const name of [...Object.keys(EVALUATE_INPUTS), ...EVALUATE_OUTPUTS])
      expect(section, `README documents ${name}`).toContain(`\`${name}\``);
  });
});
