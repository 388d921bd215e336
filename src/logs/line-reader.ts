import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Lines longer than this are counted unreadable and skipped without being buffered whole. */
export const MAX_LINE_BYTES = 1 << 20;

export interface LineSink {
  line(text: string): void;
  /** A line over MAX_LINE_BYTES, skipped. */
  oversized(): void;
}

/**
 * Streams `input` line by line into `sink` in constant memory: bytes are split on \n, a line is
 * decoded only when complete, and an over-long line is dropped as it streams past.
 */
export async function readLines(input: Readable, sink: LineSink, onBytes?: (n: number) => void): Promise<void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  for await (const raw of input as AsyncIterable<Buffer | string>) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw; // a stream with an encoding set
    onBytes?.(chunk.length);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (skipping || pendingBytes + piece.length > MAX_LINE_BYTES) sink.oversized();
      else sink.line(pendingBytes === 0 ? piece.toString('utf8') : Buffer.concat([...pending, piece]).toString('utf8'));
      pending = [];
      pendingBytes = 0;
      skipping = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length === 0 || skipping) continue;
    if (pendingBytes + rest.length > MAX_LINE_BYTES) {
      pending = [];
      pendingBytes = 0;
      skipping = true;
    } else {
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  if (skipping) sink.oversized();
  else if (pendingBytes > 0) sink.line(Buffer.concat(pending).toString('utf8'));
}

/** A file as a byte stream, gunzipped when its name ends in .gz. */
export function openFile(path: string): Readable {
  const raw = createReadStream(path);
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}
