// The runner protocol written by hand (instead of @actions/core) checked against its documented
// formats: `name<<DELIMITER` blocks in GITHUB_OUTPUT, escaped workflow commands, ::add-mask::.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Runner } from '../../src/action/notify-runner.js';
import { parseOutputs, tempDir } from '../events/support.js';

function setup() {
  const dir = tempDir('runner-');
  const env = { GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), INPUT_API_KEY: '  k3y  ', 'INPUT_TWO_WORDS': 'x' };
  writeFileSync(env.GITHUB_OUTPUT, '');
  const lines: string[] = [];
  return { env, lines, runner: new Runner(env, (l) => lines.push(l)) };
}

describe('Runner', () => {
  it('reads inputs the way the runner names them, trimmed', () => {
    const { runner } = setup();
    expect(runner.getInput('api_key')).toBe('k3y');
    expect(runner.getInput('two words')).toBe('x');
    expect(runner.getInput('missing')).toBe('');
  });

  it('writes multi-line outputs as heredoc blocks with a fresh delimiter', () => {
    const { env, runner } = setup();
    runner.setOutput('one', 'plain');
    runner.setOutput('many', 'line 1\nline 2\n\nline 4');
    runner.setOutput('empty', '');
    const text = readFileSync(env.GITHUB_OUTPUT, 'utf8');
    const delimiters = [...text.matchAll(/<<(ghadelimiter_[0-9a-f-]{36})\n/g)].map((m) => m[1]);
    expect(new Set(delimiters).size).toBe(3);
    expect(parseOutputs(env.GITHUB_OUTPUT)).toEqual({ one: 'plain', many: 'line 1\nline 2\n\nline 4', empty: '' });
  });

  it('escapes workflow command data', () => {
    const { runner, lines } = setup();
    runner.warning('50% done\r\nnext');
    runner.error('bad');
    expect(lines).toEqual(['::warning::50%25 done%0D%0Anext', '::error::bad']);
  });

  it('masks secrets for the runner and redacts them from everything it writes', () => {
    const { env, runner, lines } = setup();
    runner.setSecret('s3cret-value');
    runner.setSecret('');
    runner.info('key is s3cret-value');
    runner.warning('again s3cret-value');
    runner.setOutput('echo', 'x s3cret-value y');
    runner.appendSummary('| Key | s3cret-value |\n');
    expect(lines).toEqual(['::add-mask::s3cret-value', 'key is ***', '::warning::again ***']);
    expect(parseOutputs(env.GITHUB_OUTPUT)).toEqual({ echo: 'x *** y' });
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('| Key | *** |\n');
  });

  it('outside a runner prints outputs instead of failing', () => {
    const lines: string[] = [];
    new Runner({}, (l) => lines.push(l)).setOutput('sent', 'false');
    expect(lines).toEqual(['(output sent=false)']);
  });
});
