import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { Level } from '../../model/levels.js';
import { mergeResults, type ScanResult, type ScanSpec, type SeriesScan } from './block-scanner.js';
import { scanRange } from './range.js';
import { isScanWorker, parkScanWorker, takeScanWorker, workerUrl, type ScanWorker } from './worker-pool.js';

/** A worker is sent the file and spec of a scan once, then the ranges it is to scan, one at a time. */
type WorkerJob = { path: string; spec: ScanSpec } | [start: number, end: number];
type RangeReply = { ok: true; result: PackedResult } | { ok: false; error: string };

/**
 * A series' groups with their timestamps (and values), or counts per window, in one typed array:
 * group i is [ends[i-1], ends[i]).
 */
interface PackedSeries {
  counted?: true;
  keys: string[];
  ends: Uint32Array;
  ts: Float64Array;
  values?: Float64Array;
  dropped: string[];
  droppedOverflow: number;
}
type PackedResult = Omit<ScanResult, 'times' | 'series'> & { times: [Level, Float64Array][]; series?: PackedSeries[] };

/**
 * A range's result as a worker posts it: every list of timestamps in typed arrays whose buffers are
 * transferred, not cloned. A cloned number[] arrives as an array of boxed numbers — an allocation per
 * timestamp, which was most of a 200-rule run's merge and of its garbage.
 */
function pack(r: ScanResult): { packed: PackedResult; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const typed = (a: number[]) => {
    const f = Float64Array.from(a);
    transfer.push(f.buffer);
    return f;
  };
  const series = r.series?.map((s): PackedSeries => {
    const keys = [...s.groups.keys()];
    const ends = new Uint32Array(keys.length);
    let n = 0;
    keys.forEach((k, i) => (ends[i] = n += s.groups.get(k)!.length));
    const ts = new Float64Array(n);
    const values = s.values ? new Float64Array(n) : undefined;
    keys.forEach((k, i) => {
      const at = i === 0 ? 0 : ends[i - 1]!;
      ts.set(s.groups.get(k)!, at);
      values?.set(s.values!.get(k)!, at);
    });
    transfer.push(ends.buffer, ts.buffer, ...(values ? [values.buffer] : []));
    const counted = s.counted ? { counted: s.counted } : {};
    return { ...counted, keys, ends, ts, ...(values ? { values } : {}), dropped: [...s.dropped], droppedOverflow: s.droppedOverflow };
  });
  const { times, series: _series, ...rest } = r;
  return { packed: { ...rest, times: [...times].map(([l, ts]) => [l, typed(ts)]), ...(series ? { series } : {}) }, transfer };
}

function unpack(p: PackedResult): ScanResult {
  // Sized up front: an array grown by push keeps room for 16 more, which 100,000 small groups would hold for nothing.
  const list = (f: Float64Array, from = 0, to = f.length) => {
    const out = new Array<number>(to - from);
    for (let i = from; i < to; i++) out[i - from] = f[i]!;
    return out;
  };
  const { times, series, ...rest } = p;
  return {
    ...rest,
    times: new Map(times.map(([l, f]) => [l, list(f)])),
    ...(series
      ? {
          series: series.map((s): SeriesScan => {
            const groups = new Map<string, number[]>();
            const values = s.values ? new Map<string, number[]>() : undefined;
            s.keys.forEach((k, i) => {
              const at = i === 0 ? 0 : s.ends[i - 1]!;
              groups.set(k, list(s.ts, at, s.ends[i]));
              values?.set(k, list(s.values!, at, s.ends[i]));
            });
            const counted = s.counted ? { counted: s.counted } : {};
            return { groups, ...counted, ...(values ? { values } : {}), dropped: new Set(s.dropped), droppedOverflow: s.droppedOverflow };
          }),
        }
      : {}),
  };
}

/**
 * The worker side. A worker runs the very bundle this module is in (dist/lib or dist/cli, found by
 * import.meta.url: a bundle cannot load a separate worker file it did not emit), so this runs when the
 * module is evaluated in a worker started for the scan. The CLI entry routes such a worker straight
 * here, before it loads any command. One worker serves scan after scan (worker-pool.ts).
 */
if (isScanWorker() && parentPort) {
  const port = parentPort;
  let scan: { path: string; spec: ScanSpec } | undefined;
  port.on('message', (job: WorkerJob) => {
    if (!Array.isArray(job)) {
      scan = job;
      return;
    }
    const [start, end] = job;
    scanRange(scan!.path, start, end, scan!.spec).then(
      (result) => {
        const { packed, transfer } = pack(result);
        port.postMessage({ ok: true, result: packed } satisfies RangeReply, transfer);
      },
      (err: unknown) => port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies RangeReply),
    );
  });
}

/**
 * Byte ranges [start, end) covering [from, to), cut just after a \n so every range starts a line.
 * A range boundary that falls in a line over the search budget is moved to the next range's end.
 */
export async function splitAtLines(path: string, from: number, to: number, parts: number): Promise<[number, number][]> {
  const cuts = [from];
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(cuts[cuts.length - 1]!, from + Math.floor(((to - from) * k) / parts));
      let cut = -1;
      while (pos < to && cut === -1) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, to - pos), pos);
        if (bytesRead === 0) break;
        const nl = buf.subarray(0, bytesRead).indexOf(10);
        if (nl !== -1) cut = pos + nl + 1;
        pos += bytesRead;
      }
      if (cut !== -1 && cut < to && cut > cuts[cuts.length - 1]!) cuts.push(cut);
    }
  } finally {
    await fh.close();
  }
  cuts.push(to);
  return cuts.slice(0, -1).map((c, i) => [c, cuts[i + 1]!]);
}

/** Ranges per thread: small enough that a thread that starts late or runs slow does not hold up the end. */
const RANGES_PER_THREAD = 24;

/**
 * Scans [from, to) of a plain file on `threads` threads: the calling thread (it would only wait
 * otherwise) and threads − 1 workers take ranges from one queue, so a worker's start-up or a busy
 * core evens out; the results are merged in file order.
 */
export async function scanParallel(
  path: string,
  from: number,
  to: number,
  spec: ScanSpec,
  threads: number,
  onBytes?: (n: number) => void,
): Promise<ScanResult> {
  const url = workerUrl();
  if (!url) throw new Error('no bundle to start scan workers from');
  const ranges = await splitAtLines(path, from, to, threads * RANGES_PER_THREAD);
  // Results are merged in file order as soon as they can be, not all at the end: each range's groups
  // (up to the group limit apiece) are let go once merged, which keeps a group-by scan's memory flat.
  const results: (ScanResult | undefined)[] = new Array<ScanResult | undefined>(ranges.length);
  let merged: ScanResult | undefined;
  let cursor = 0;
  const settle = (i: number, result: ScanResult) => {
    results[i] = result;
    for (let r = results[cursor]; r !== undefined; r = results[cursor]) {
      merged = merged ? mergeResults(merged, r, spec.groupLimit) : r;
      results[cursor++] = undefined;
    }
  };
  let next = 0;
  const take = () => (next < ranges.length ? next++ : -1);
  const local = async () => {
    for (let i = take(); i !== -1; i = take()) settle(i, await scanRange(path, ranges[i]![0], ranges[i]![1], spec, onBytes));
  };
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () =>
    inWorker(takeScanWorker(url), { path, spec }, take, ranges, settle, onBytes),
  );
  // Worker failures are collected with the rest so none is left unhandled while the local ranges run.
  const settled = Promise.allSettled(workers);
  await local();
  for (const r of await settled) if (r.status === 'rejected') throw r.reason;
  return merged!;
}

/** A worker that scans ranges from the queue until it is empty, then waits in the pool for the next scan. */
function inWorker(
  { worker, online }: ScanWorker,
  scan: { path: string; spec: ScanSpec },
  take: () => number,
  ranges: [number, number][],
  settle: (i: number, result: ScanResult) => void,
  onBytes?: (n: number) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let current = -1;
    const send = () => {
      current = take();
      if (current === -1) {
        worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
        parkScanWorker({ worker, online: true });
        resolve();
      } else worker.postMessage(ranges[current]! satisfies WorkerJob);
    };
    worker.postMessage(scan satisfies WorkerJob);
    worker.on('message', (msg: RangeReply) => {
      if (!msg.ok) {
        void worker.terminate();
        reject(new Error(msg.error));
        return;
      }
      settle(current, unpack(msg.result));
      onBytes?.(ranges[current]![1] - ranges[current]![0]);
      send();
    });
    // A worker still starting takes no range until it is up: the calling thread may scan it sooner.
    if (online) send();
    else worker.once('online', send);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`scan worker exited with code ${code}`)));
  });
}
