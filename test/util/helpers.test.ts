import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWritable, writeFileAtomic } from '../../src/util/atomic-write.js';
import { parseJsonObject } from '../../src/util/json.js';
import { readInputFile, readInputFileIfExists } from '../../src/util/read-file.js';
import { markdownCell } from '../../src/util/markdown.js';
import { describeError, type UserError } from '../../src/util/errors.js';
import { EXIT } from '../../src/util/exit-codes.js';

const dir = () => mkdtempSync(join(tmpdir(), 'util-'));

describe('writeFileAtomic', () => {
  it('writes, leaves no temp file, keeps an existing mode, gives a new file the asked mode', async () => {
    const d = dir();
    const f = join(d, 'x.json');
    await writeFileAtomic(f, 'one', { mode: 0o600 });
    expect(statSync(f).mode & 0o777).toBe(0o600);
    chmodSync(f, 0o640);
    await writeFileAtomic(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    await writeFileAtomic(f, 'three', { mode: 0o600, forceMode: true });
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(readdirSync(d)).toEqual(['x.json']);
  });

  it('a failed write leaves the old content and no temp file', async () => {
    const d = dir();
    const f = join(d, 'x.json');
    writeFileSync(f, 'old');
    await expect(writeFileAtomic(join(d, 'missing', 'y'), 'new')).rejects.toThrow(/ENOENT/);
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['x.json']);
  });

  it('ensureWritable creates the directory, and refuses a directory or a read-only place', async () => {
    const d = dir();
    await ensureWritable(join(d, 'a', 'b', 'state.json'));
    expect(statSync(join(d, 'a', 'b')).isDirectory()).toBe(true);
    expect(readdirSync(join(d, 'a', 'b'))).toEqual([]);
    await expect(ensureWritable(join(d, 'a'))).rejects.toThrow(/is a directory/);
    if (process.getuid?.() !== 0) {
      chmodSync(join(d, 'a', 'b'), 0o500);
      await expect(ensureWritable(join(d, 'a', 'b', 'state.json'))).rejects.toThrow(/EACCES/);
    }
  });
});

describe('parseJsonObject', () => {
  it('an object, or a UserError (exit 2 by default) naming what and why', () => {
    expect(parseJsonObject('{"a":1}', 'input x')).toEqual({ a: 1 });
    expect(() => parseJsonObject('{', 'input x')).toThrow(/^input x is not valid JSON \(/);
    expect(() => parseJsonObject('[1]', '--data', { example: '{"k":"v"}' })).toThrow(
      '--data must be a JSON object, e.g. {"k":"v"}, got an array',
    );
    expect(() => parseJsonObject('null', 'f', { hint: 'fix it' })).toThrow('f must be a JSON object, got null; fix it');
    try {
      parseJsonObject('1', 'x', { exitCode: EXIT.failure });
    } catch (err) {
      expect((err as UserError).exitCode).toBe(1);
    }
    try {
      parseJsonObject('1', 'x');
    } catch (err) {
      expect((err as UserError).exitCode).toBe(EXIT.badInput);
    }
  });
});

describe('readInputFile', () => {
  it('reads, or fails with exit 2 naming what and the path', async () => {
    const d = dir();
    writeFileSync(join(d, 'r.yml'), 'x');
    expect(await readInputFile(join(d, 'r.yml'), 'rule file', 'utf8')).toBe('x');
    await expect(readInputFile(join(d, 'no.yml'), 'rule file', 'utf8')).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^cannot read rule file .*no\.yml: ENOENT/),
    });
    expect(await readInputFileIfExists(join(d, 'no.json'), 'state file')).toBeUndefined();
    await expect(readInputFileIfExists(d, 'state file')).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('markdownCell and describeError', () => {
  it('a cell is one line with no pipe or HTML', () => {
    expect(markdownCell('a|b <i>&\r\nc\nd')).toBe('a\\|b &lt;i&gt;&amp;<br>c<br>d');
  });
  it('network errors in plain words', () => {
    expect(describeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(
      'the connection was refused',
    );
    expect(describeError(Object.assign(new Error('x'), { code: 'ENOTFOUND', hostname: 'h.invalid' }))).toBe(
      'DNS lookup failed for h.invalid (ENOTFOUND)',
    );
    expect(describeError(new Error('self-signed certificate'))).toBe('TLS error: self-signed certificate');
    expect(describeError('plain')).toBe('plain');
  });
});
