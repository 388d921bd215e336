import type { Readable } from 'node:stream';
import type { Level } from './levels.js';
import { parseLine } from './formats.js';
import { readLines } from './line-reader.js';
import type { SourceStats, Window } from '../evaluate/types.js';
import { countInWindow } from '../evaluate/ticks.js';

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

/** counts[i][j]: entries at levels[i] in windows[j], summed over every source's timestamps. */
export function countWindows(perSource: Map<Level, number[]>[], levels: Level[], windows: Window[]): number[][] {
  return levels.map((level) => {
    const sorted = Float64Array.from(perSource.flatMap((m) => m.get(level) ?? [])).sort();
    return windows.map((w) => countInWindow(sorted, w));
  });
}
