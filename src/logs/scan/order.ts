import type { FileHandle } from 'node:fs/promises';
import type { LogRecord } from '../formats.js';
import { createLineFormat } from '../formats-source.js';
import { MAX_LINE_BYTES } from '../log-file.js';

/**
 * "Ordered", precisely: a file is ordered within a slack S when every readable line's timestamp is at
 * least the largest timestamp of the readable lines before it minus S. Lines appended by a few
 * processes that flush a little out of turn stay ordered; a file concatenated from rotated parts in the
 * wrong order, or shuffled, does not.
 *
 * If a file is ordered, every line with a timestamp after `fromMs` sits after any readable line R with
 * ts(R) <= fromMs - S (a line X before R has ts(X) <= ts(R) + S <= fromMs), so reading from R onward
 * counts exactly what a full scan counts. findStart looks for such an R by binary search on byte
 * offsets; it first probes evenly spaced offsets and gives up (full scan) when the probes already break
 * the rule.
 */

interface Probe {
  /** Byte offset where the readable line starts. */
  start: number;
  ts: number;
}

const PROBE_BYTES = 64 * 1024;
const PROBE_BUDGET = MAX_LINE_BYTES * 2 + PROBE_BYTES;
const SPREAD_PROBES = 32;
/** The binary search stops when the start point is known to within this many bytes. */
const CLOSE_ENOUGH = 256 * 1024;

/**
 * The first readable line starting after `offset` (at it, when offset is 0), or null within the budget.
 * `buf` (PROBE_BYTES) is the caller's, reused probe after probe: fresh memory is slow to first touch.
 */
async function probeAt(
  fh: FileHandle,
  size: number,
  offset: number,
  parseLine: (text: string) => LogRecord | undefined,
  buf: Buffer,
): Promise<Probe | null> {
  let pos = offset;
  let lineStart = offset === 0 ? 0 : -1; // -1: still looking for the first line start
  let carry = Buffer.alloc(0);
  while (pos < size && pos - offset < PROBE_BUDGET) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(PROBE_BYTES, size - pos), pos);
    if (bytesRead === 0) break;
    const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    const dataStart = pos - carry.length;
    pos += bytesRead;
    let i: number;
    if (lineStart === -1) {
      const nl = data.indexOf(10);
      if (nl === -1) {
        carry = Buffer.alloc(0);
        continue;
      }
      i = nl + 1;
      lineStart = dataStart + i;
    } else i = lineStart - dataStart;
    for (let nl = data.indexOf(10, i); nl !== -1; nl = data.indexOf(10, i)) {
      if (nl - i <= MAX_LINE_BYTES) {
        const rec = parseLine(data.toString('utf8', i, nl));
        if (rec) return { start: dataStart + i, ts: rec.ts };
      }
      i = nl + 1;
      lineStart = dataStart + i;
    }
    carry = Buffer.from(data.subarray(i));
    if (pos >= size && carry.length > 0 && carry.length <= MAX_LINE_BYTES) {
      const rec = parseLine(carry.toString('utf8'));
      if (rec) return { start: lineStart, ts: rec.ts };
    }
  }
  return null;
}

const defaultFormat = createLineFormat({});
const defaultParse = (text: string) => defaultFormat.parse(text);

interface StartPoint {
  /** Where to start reading: every entry after fromMs is at or after it, if the file is ordered. */
  offset: number;
  /** Largest timestamp seen by the probes before `offset` (the tail scan checks order from there). */
  maxTsBefore: number;
}

/**
 * Where a read for entries after `fromMs` can start, or null when the probes show the file is not
 * ordered within `slackMs` (or cannot tell), in which case the caller scans it whole.
 */
export async function findStart(
  fh: FileHandle,
  size: number,
  fromMs: number,
  slackMs: number,
  closeEnough = CLOSE_ENOUGH,
  parseLine: (text: string) => LogRecord | undefined = defaultParse,
): Promise<StartPoint | null> {
  const target = fromMs - slackMs;
  const probes = new Map<number, Probe>();
  const buf = Buffer.allocUnsafe(PROBE_BYTES);
  const probe = async (offset: number) => {
    const p = await probeAt(fh, size, offset, parseLine, buf);
    if (p) probes.set(p.start, p);
    return p;
  };
  // The spread probes come in file order, so the first one that breaks the rule ends the search: a
  // shuffled file is known after two or three probes instead of all of them.
  let maxTs = -Infinity;
  for (let k = 0; k < SPREAD_PROBES; k++) {
    const p = await probe(Math.floor((size * k) / SPREAD_PROBES));
    if (p && p.ts < maxTs - slackMs) return null;
    if (p) maxTs = Math.max(maxTs, p.ts);
  }
  if (probes.size === 0) return null;

  let lo = 0;
  let hi = size;
  for (const p of probes.values()) if (p.ts <= target && p.start > lo) lo = p.start;
  for (let k = 0; k < SPREAD_PROBES; k++) {
    const off = Math.floor((size * k) / SPREAD_PROBES);
    const p = [...probes.values()].find((q) => q.start >= off);
    if (off > lo && p && p.ts > target) hi = Math.min(hi, off);
  }
  for (let steps = 0; hi - lo > closeEnough && steps < 64; steps++) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const p = await probe(mid);
    if (p && p.start < hi && p.ts <= target) lo = p.start;
    else hi = mid;
  }
  const all = [...probes.values()];
  if (!isOrdered(all, slackMs)) return null;
  let maxTsBefore = -Infinity;
  for (const p of all) if (p.start <= lo) maxTsBefore = Math.max(maxTsBefore, p.ts);
  return { offset: lo, maxTsBefore };
}

/** The probes, in file order, obey the rule above. */
function isOrdered(probes: Probe[], slackMs: number): boolean {
  let max = -Infinity;
  for (const p of [...probes].sort((a, b) => a.start - b.start)) {
    if (p.ts < max - slackMs) return false;
    max = Math.max(max, p.ts);
  }
  return true;
}
