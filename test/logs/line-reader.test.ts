import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, openFile } from '../../src/logs/log-file.js';
import { readLines } from '../helpers/reference-scan.js';

async function collect(input: Readable): Promise<{ lines: string[]; oversized: number }> {
  const lines: string[] = [];
  let oversized = 0;
  await readLines(input, { line: (l) => lines.push(l), oversized: () => oversized++ });
  return { lines, oversized };
}

describe('readLines', () => {
  it('splits lines across chunk boundaries, keeps multi-byte characters whole, and reads a last line without \\n', async () => {
    const text = 'é first\nsecond ✓\n\nlast';
    const bytes = Buffer.from(text);
    const chunks = [...bytes].map((b) => Buffer.from([b])); // one byte per chunk: the hardest split
    expect(await collect(Readable.from(chunks))).toEqual({ lines: ['é first', 'second ✓', '', 'last'], oversized: 0 });
  });

  it('skips a line longer than the cap without buffering it, and goes on after it', async () => {
    const big = Buffer.alloc(MAX_LINE_BYTES * 3, 0x61);
    const pieces = [
      Buffer.from('before\n'),
      ...Array.from({ length: 30 }, (_, i) => big.subarray(i * (big.length / 30), (i + 1) * (big.length / 30))),
      Buffer.from('\nafter\n'),
    ];
    expect(await collect(Readable.from(pieces))).toEqual({ lines: ['before', 'after'], oversized: 1 });
  });

  it('reads .gz files transparently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lines-'));
    writeFileSync(join(dir, 'a.log.gz'), gzipSync('one\ntwo\n'));
    writeFileSync(join(dir, 'b.log'), 'three\n');
    expect((await collect(openFile(join(dir, 'a.log.gz')))).lines).toEqual(['one', 'two']);
    expect((await collect(openFile(join(dir, 'b.log')))).lines).toEqual(['three']);
  });

  it('fails clearly on a corrupt .gz file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lines-'));
    writeFileSync(join(dir, 'bad.log.gz'), Buffer.from('not gzip at all'));
    await expect(collect(openFile(join(dir, 'bad.log.gz')))).rejects.toThrow(/header/);
  });
});
