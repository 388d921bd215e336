// The straightforward line-by-line path — split on \n, decode, parseLine every line — that was the
// production file source before src/logs/scan. Kept here as the reference the fast scan must match
// exactly (counts, linesRead, unreadable), in the property tests.
import type { Readable } from 'node:stream';
import type { Level } from '../../src/model/levels.js';
import { parseLine } from '../../src/logs/formats.js';
import { MAX_LINE_BYTES } from '../../src/logs/log-file.js';
import type { SourceStats } from '../../src/model/count.js';
import type { Window } from '../../src/model/window.js';

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

const SAMPLE_CHARS = 120;
const MAX_SAMPLES = 3;

/**
 * The reference implementation (the provider uses the faster src/logs/scan, which the tests prove
 * equal to this). Reads one stream and keeps, per wanted level, only the timestamps that can fall in some window
 * (between the earliest window start and the latest end), so memory grows with what the windows
 * cover, not with the file. Unreadable lines are counted, with a few samples for the report.
 */
export async function collectTimestamps(
  source: string,
  input: Readable,
  levels: Level[],
  windows: Window[],
  onBytes?: (n: number) => void,
): Promise<{ times: Map<Level, number[]>; stats: SourceStats }> {
  const from = Math.min(...windows.map((w) => w.fromMs));
  const to = Math.max(...windows.map((w) => w.toMs));
  const wanted = new Set(levels);
  const times = new Map<Level, number[]>(levels.map((l) => [l, []]));
  const stats: SourceStats = { source, linesRead: 0, unreadable: 0, unreadableSamples: [], bytesRead: 0 };
  const unreadable = (sample: string) => {
    stats.unreadable++;
    if (stats.unreadableSamples!.length < MAX_SAMPLES) stats.unreadableSamples!.push(sample.slice(0, SAMPLE_CHARS));
  };
  await readLines(
    input,
    {
      line(text) {
        if (text.trim() === '') return; // blank lines are not entries, nor errors
        stats.linesRead++;
        const record = parseLine(text);
        if (!record) return unreadable(text);
        if (wanted.has(record.level) && record.ts > from && record.ts <= to) times.get(record.level)!.push(record.ts);
      },
      oversized() {
        stats.linesRead++;
        unreadable(`(line over 1 MiB skipped)`);
      },
    },
    (n) => {
      stats.bytesRead! += n;
      onBytes?.(n);
    },
  );
  return { times, stats };
}
