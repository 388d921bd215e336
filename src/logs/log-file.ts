import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Lines longer than this are counted unreadable and skipped without being buffered whole. */
export const MAX_LINE_BYTES = 1 << 20;

/** A file as a byte stream, gunzipped when its name ends in .gz. */
export function openFile(path: string): Readable {
  const raw = createReadStream(path);
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}
