import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { openFile } from '../log-file.js';
import { createLineFormat, resolveFormat } from '../formats-source.js';
import { BlockScanner, mergeResults, SAMPLE_BYTES, sampleLines, type ScanResult, type ScanSpec } from './block-scanner.js';
import { findStart } from './order.js';
import { scanParallel } from './parallel.js';
import { scanRange } from './range.js';
import { canUseWorkers, defaultScanThreads } from './worker-pool.js';

export interface FileScanOptions {
  /** Plain files smaller than this are scanned whole without probing (default 8 MiB). */
  seekMinBytes?: number;
  /**
   * Files smaller than this (compressed size / 8 for .gz) have every line parsed, so `unreadable` is
   * exact for them at little cost; larger ones go through the prefilter (default 16 MiB).
   */
  checkEveryLineBelowBytes?: number;
  /** How far back in time a line may be from the latest before it, in an "ordered" file (default 60 s). */
  slackMs?: number;
  /** The binary search stops this close to the best start point (default 256 KiB; tests use 1 to land on the line). */
  seekPrecisionBytes?: number;
  /**
   * Threads for a full scan of a large plain file (default: up to 2 when the host allows workers —
   * the CLI does; see parallel.ts). Setting it opts in to worker threads.
   */
  threads?: number;
  /** Plain files (or heads) smaller than this are scanned on the calling thread (default 64 MiB). */
  parallelMinBytes?: number;
  onBytes?: (n: number) => void;
}

interface FileScan {
  result: ScanResult;
  /** Bytes before the start point that were not read (0 for a full scan). */
  skippedBytes: number;
}

const DEFAULT_SEEK_MIN_BYTES = 8 << 20;
const DEFAULT_CHECK_EVERY_LINE_BELOW_BYTES = 16 << 20;
const DEFAULT_SLACK_MS = 60_000;
const DEFAULT_PARALLEL_MIN_BYTES = 64 << 20;

/** Any stream (stdin, a URL, a .gz file): every line passes through the prefilter. */
export async function scanStream(
  input: Readable,
  spec: ScanSpec,
  onBytes?: (n: number) => void,
  scanner = new BlockScanner(spec),
): Promise<ScanResult> {
  for await (const raw of input as AsyncIterable<Buffer | string>) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    onBytes?.(chunk.length);
    scanner.feed(chunk);
  }
  return scanner.end();
}

/**
 * A file. Small files (below checkEveryLineBelowBytes) have every line parsed, so their stats are
 * exact; .gz files are streamed. A plain file of at least seekMinBytes is probed for time order
 * (order.ts); when ordered, only the part from the first possible window entry is read, checking on
 * the way that the parsed lines keep the order — if they do not, the skipped head is read too, so
 * the result is then exactly a full scan's. Full scans of large files run on worker threads.
 */
export async function scanFile(path: string, wanted: ScanSpec, opts: FileScanOptions = {}): Promise<FileScan> {
  const seekMin = opts.seekMinBytes ?? DEFAULT_SEEK_MIN_BYTES;
  const slackMs = opts.slackMs ?? DEFAULT_SLACK_MS;
  const gz = path.endsWith('.gz');
  const size = (await stat(path)).size;
  const small = (gz ? size * 8 : size) < (opts.checkEveryLineBelowBytes ?? DEFAULT_CHECK_EVERY_LINE_BELOW_BYTES);
  let spec = small ? { ...wanted, checkEveryLine: true } : wanted;
  if (gz) return { result: await scanStream(openFile(path), spec, opts.onBytes), skippedBytes: 0 };
  const fh = await open(path, 'r');
  let start: Awaited<ReturnType<typeof findStart>> = null;
  try {
    // Ranges, probes and worker threads all read with one format: detect it from the head once, here.
    const reference = Number.isFinite(spec.toMs) ? { referenceMs: spec.toMs } : {};
    const format = { ...reference, ...spec.format };
    const head = Buffer.alloc(Math.min(size, SAMPLE_BYTES + 1));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const got = resolveFormat(format, sampleLines(head.subarray(0, bytesRead)));
    spec = { ...spec, format: { ...got.spec, sample: got.sample } };
    if (size >= seekMin && Number.isFinite(spec.fromMs)) {
      const probe = createLineFormat(spec.format!);
      start = await findStart(fh, size, spec.fromMs, slackMs, opts.seekPrecisionBytes, (text) => probe.parse(text));
    }
  } finally {
    await fh.close();
  }
  if (!start || start.offset === 0) return { result: await scanWhole(path, 0, size, spec, opts), skippedBytes: 0 };
  const tail = await scanRange(path, start.offset, size, spec, opts.onBytes, new BlockScanner(spec, slackMs, start.maxTsBefore));
  if (!tail.disordered) return { result: tail, skippedBytes: start.offset };
  // The order broke after the start point, so the head cannot be trusted either: read it too.
  const head = await scanWhole(path, 0, start.offset, spec, opts);
  return { result: mergeResults(head, tail, spec.groupLimit), skippedBytes: 0 };
}

/** [start, end) in full, on worker threads when it is large enough to pay for them. */
async function scanWhole(path: string, start: number, end: number, spec: ScanSpec, opts: FileScanOptions): Promise<ScanResult> {
  const threads = opts.threads ?? defaultScanThreads();
  if (threads > 1 && end - start >= (opts.parallelMinBytes ?? DEFAULT_PARALLEL_MIN_BYTES) && canUseWorkers(opts.threads !== undefined)) {
    return scanParallel(path, start, end, spec, threads, opts.onBytes);
  }
  return scanRange(path, start, end, spec, opts.onBytes);
}
