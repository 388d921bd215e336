import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentChangedError, LockBusyError, lockFile, symlinkTarget, writeFileAtomic } from '../../src/util/atomic-write.js';

// writeFileAtomic's compare-and-swap and the lock beside a file (the rule edits' concurrency rests on
// both: test/rules/edit-lines.test.ts "concurrent editors"). Mode and owner: test/util/helpers.test.ts.
const dir = () => mkdtempSync(join(tmpdir(), 'atomic-'));

describe('compare-and-swap', () => {
  it('writes when the file still holds the expected text, or (null) does not exist', async () => {
    const d = dir();
    const f = join(d, 'x.yml');
    await writeFileAtomic(f, 'one', { expected: null });
    await writeFileAtomic(f, 'two', { expected: 'one' });
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(d)).toEqual(['x.yml']);
  });

  it('writes nothing when the file changed (or appeared), and leaves no temp file', async () => {
    const d = dir();
    const f = join(d, 'x.yml');
    writeFileSync(f, 'theirs');
    const refused = writeFileAtomic(f, 'mine', { expected: 'ours' });
    await expect(refused).rejects.toBeInstanceOf(ContentChangedError);
    await expect(refused).rejects.toMatchObject({ code: 'ECHANGED', path: f });
    await expect(writeFileAtomic(f, 'mine', { expected: null })).rejects.toBeInstanceOf(ContentChangedError);
    expect(readFileSync(f, 'utf8')).toBe('theirs');
    expect(readdirSync(d)).toEqual(['x.yml']);
  });

  it('symlinkTarget: a link leads to its target, a new path or a dangling link to itself', async () => {
    const d = dir();
    writeFileSync(join(d, 'real.yml'), 'x');
    symlinkSync('real.yml', join(d, 'link.yml'));
    symlinkSync('gone.yml', join(d, 'dangling.yml'));
    expect(await symlinkTarget(join(d, 'link.yml'))).toBe(join(d, 'real.yml'));
    expect(await symlinkTarget(join(d, 'dangling.yml'))).toBe(join(d, 'dangling.yml'));
    expect(await symlinkTarget(join(d, 'new.yml'))).toBe(join(d, 'new.yml'));
  });
});

describe('lockFile', () => {
  it('a second taker waits for the release, then holds the lock', async () => {
    const f = join(dir(), 'x.yml');
    const releaseFirst = await lockFile(f);
    let second = false;
    const taking = lockFile(f).then((release) => ((second = true), release));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(second).toBe(false);
    await releaseFirst();
    const releaseSecond = await taking;
    expect(second).toBe(true);
    expect(readFileSync(`${f}.lock`, 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    await releaseSecond();
    expect(readdirSync(join(f, '..'))).toEqual([]);
  });

  it('a live holder past the wait: LockBusyError naming its pid; a dead one on this host is taken over', async () => {
    const f = join(dir(), 'x.yml');
    writeFileSync(`${f}.lock`, `1 ${hostname()}\n`); // pid 1 is alive
    await expect(lockFile(f, { waitMs: 0 })).rejects.toMatchObject({ name: 'LockBusyError', pid: '1', lockPath: `${f}.lock` });
    await expect(lockFile(f, { waitMs: 0 })).rejects.toBeInstanceOf(LockBusyError);
    writeFileSync(`${f}.lock`, `999999999 ${hostname()}\n`);
    const release = await lockFile(f, { waitMs: 0 });
    await release();
    expect(readdirSync(join(f, '..'))).toEqual([]);
  });
});
