import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 100, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream, writes };
}

describe('progress line', () => {
  it('draws on a terminal (throttled), with a bar when the total is known, and clears itself when done', () => {
    const { stream, writes } = fakeStream(true);
    const p = createProgress(stream, 0);
    p.update({ source: 'logs/app.log', bytesRead: 5_000_000, bytesTotal: 10_000_000 });
    p.update({ source: 'logs/app.log', bytesRead: 5_000_000, bytesTotal: 10_000_000 });
    p.done();
    expect(writes[0]).toMatch(/^\rreading logs\/app\.log \[#{10}\.{10}\] 50% 5\.0 MB at .*\/s\x1b\[K$/);
    expect(writes[1]).toMatch(/\[#{20}\] 100% 10\.0 MB/);
    expect(writes.at(-1)).toBe('\r\x1b[K');
    expect(writes.every((w) => w.replace('\x1b[K', '').length <= 100)).toBe(true);
  });

  it('is silent when stderr is not a terminal (cron, CI, pipes)', () => {
    const { stream, writes } = fakeStream(false);
    const p = createProgress(stream, 0);
    p.update({ source: 'a', bytesRead: 1 });
    p.done();
    expect(writes).toEqual([]);
  });
});
