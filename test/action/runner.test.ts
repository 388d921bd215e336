// The Runner both actions use: @actions/core speaks the protocol; the Runner adds redaction of
// registered secrets from everything written. Checked against the documented formats the runner
// reads (`name<<DELIMITER` blocks in GITHUB_OUTPUT, escaped workflow commands, ::add-mask::).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Runner } from '../../src/action/runner.js';
import { parseOutputs, tempDir } from '../events/support.js';

let lines: string[] = [];
let dir = '';
const saved = { ...process.env };
beforeEach(() => {
  dir = tempDir('runner-');
  process.env.GITHUB_OUTPUT = join(dir, 'out');
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
  process.env.INPUT_API_KEY = '  k3y  ';
  process.env.INPUT_TWO_WORDS = 'x';
  writeFileSync(process.env.GITHUB_OUTPUT, '');
  writeFileSync(process.env.GITHUB_STEP_SUMMARY, '');
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
});

describe('Runner', () => {
  it('reads inputs the way the runner names them, trimmed', () => {
    const runner = new Runner();
    expect(runner.getInput('api_key')).toBe('k3y');
    expect(runner.getInput('two words')).toBe('x');
    expect(runner.getInput('missing')).toBe('');
  });

  it('writes multi-line outputs as heredoc blocks with a fresh delimiter', () => {
    const runner = new Runner();
    runner.setOutput('one', 'plain');
    runner.setOutput('many', 'line 1\nline 2\n\nline 4');
    runner.setOutput('empty', '');
    const text = readFileSync(process.env.GITHUB_OUTPUT!, 'utf8');
    const delimiters = [...text.matchAll(/<<(ghadelimiter_[0-9a-f-]{36})\n/g)].map((m) => m[1]);
    expect(new Set(delimiters).size).toBe(3);
    expect(parseOutputs(process.env.GITHUB_OUTPUT!)).toEqual({ one: 'plain', many: 'line 1\nline 2\n\nline 4', empty: '' });
  });

  it('escapes workflow command data', () => {
    const runner = new Runner();
    runner.warning('50% done\r\nnext');
    runner.error('bad');
    expect(lines).toEqual(['::warning::50%25 done%0D%0Anext', '::error::bad']);
  });

  it('masks secrets for the runner and redacts them from everything it writes', async () => {
    const runner = new Runner();
    runner.setSecret('s3cret-value');
    runner.setSecret('');
    runner.info('key is s3cret-value');
    runner.warning('again s3cret-value');
    runner.setOutput('echo', 'x s3cret-value y');
    await runner.appendSummary('| Key | s3cret-value |\n');
    await runner.appendSummary('| more | s3cret-value |\n');
    expect(lines).toEqual(['::add-mask::s3cret-value', 'key is ***', '::warning::again ***']);
    expect(parseOutputs(process.env.GITHUB_OUTPUT!)).toEqual({ echo: 'x *** y' });
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe('| Key | *** |\n| more | *** |\n');
  });

  it('a secret that contains another is redacted whole', () => {
    const runner = new Runner();
    runner.setSecret('abcdefgh');
    runner.setSecret('abcdefgh-longer-secret');
    runner.info('x abcdefgh-longer-secret y');
    expect(lines.at(-1)).toBe('x *** y');
  });

  it('outside a runner (no summary file) the summary is skipped, not an error', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(new Runner().appendSummary('x')).resolves.toBeUndefined();
  });
});

// Issue 12 item 3: masking must not garble the log.
describe('Runner.setSecret: the forms masked (src/util/redact.ts secretForms)', () => {
  // The command data as the runner unescapes it.
  const masks = () =>
    lines
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length).replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));

  it('masks a whole value with spaces as one value, never its short words', () => {
    const runner = new Runner();
    runner.setSecret('the table is a secret phrase');
    expect(masks()).toEqual(['the table is a secret phrase']);
    runner.info('a table for the team');
    expect(lines.at(-1)).toBe('a table for the team');
  });

  it('a rotation list masks each secret of at least 8 characters, and the whole list', () => {
    const runner = new Runner();
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    runner.setSecret(`${a} ${b} short`, { list: true });
    expect(masks()).toEqual([`${a} ${b} short`, a, b]);
    runner.info(`signed with ${b}; short stays`);
    expect(lines.at(-1)).toBe('signed with ***; short stays');
  });

  it('masks the password of a URL, as written and decoded, but not the user or host', () => {
    const runner = new Runner();
    runner.setSecret('postgres://app:p%40ss-w0rd!@db.internal:5432/app');
    expect(masks()).toEqual(['postgres://app:p%40ss-w0rd!@db.internal:5432/app', 'p%40ss-w0rd!', 'p@ss-w0rd!']);
    runner.info('connecting as app to db.internal with p@ss-w0rd!');
    expect(lines.at(-1)).toBe('connecting as app to db.internal with ***');
  });

  it('a value with surrounding whitespace also masks the trimmed value', () => {
    const runner = new Runner();
    runner.setSecret('  tok_0123456789\n');
    expect(masks()).toEqual(['  tok_0123456789\n', 'tok_0123456789']);
  });
});
