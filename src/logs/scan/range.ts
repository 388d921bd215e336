import { open, type FileHandle } from 'node:fs/promises';
import { BlockScanner, type ScanResult, type ScanSpec } from './block-scanner.js';

/** 1 MiB reads: large enough to amortise the per-chunk work, small enough to keep memory flat. */
const CHUNK = 1 << 20;
/** Read buffers handed back by finished scans, so a thread scanning range after range reuses them. */
const spare: Buffer[] = [];

/**
 * Bytes [start, end) of a plain file, read into two reused buffers (the next read is in flight while
 * one is scanned) so memory stays flat; `start` must be a line start.
 */
export async function scanRange(
  path: string,
  start: number,
  end: number,
  spec: ScanSpec,
  onBytes?: (n: number) => void,
  scanner = new BlockScanner(spec),
): Promise<ScanResult> {
  const fh = await open(path, 'r');
  let release = () => {};
  let next: ReturnType<FileHandle['read']> | undefined;
  try {
    const bufs = [spare.pop() ?? Buffer.allocUnsafe(CHUNK), spare.pop() ?? Buffer.allocUnsafe(CHUNK)];
    release = () => spare.push(...bufs);
    const readAt = (pos: number, i: number) => fh.read(bufs[i]!, 0, Math.min(CHUNK, end - pos), pos);
    let pos = start;
    let i = 0;
    next = pos < end ? readAt(pos, i) : undefined;
    while (next) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break; // the file shrank while being read
      pos += bytesRead;
      const current = bufs[i]!.subarray(0, bytesRead);
      i ^= 1;
      next = pos < end ? readAt(pos, i) : undefined;
      onBytes?.(bytesRead);
      scanner.feed(current);
    }
  } finally {
    await next?.catch(() => undefined); // no read may still be filling a buffer that is handed back
    release();
    await fh.close();
  }
  return scanner.end();
}
