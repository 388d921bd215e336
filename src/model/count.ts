import type { Level } from './levels.js';
import type { Window } from './window.js';

/**
 * Where counts come from. Files collect timestamps and answer by binary search;
 * databases push the count down. One call per evaluation run asks for every
 * (level, window) pair needed, so a store can answer in one round trip.
 */
export interface CountProvider {
  /** counts[i][j] = entries at levels[i] in windows[j]. `sources` limits to named sources (all when undefined). */
  count(query: CountQuery): Promise<CountResult>;
}

export interface CountQuery {
  levels: Level[];
  windows: Window[];
  sources?: string[];
}

export interface CountResult {
  counts: number[][];
  stats: SourceStats[];
}

/** Per source: what was read and what could not be. Unreadable lines are counted, never fatal. */
export interface SourceStats {
  source: string;
  linesRead: number;
  unreadable: number;
  /** A few examples of unreadable lines (truncated), for the report. */
  unreadableSamples?: string[];
  bytesRead?: number;
  /**
   * Lines of a large source that the byte prefilter proved are not an entry in any window asked for,
   * so they were counted in linesRead but not parsed: `unreadable` does not cover them (src/logs/scan).
   */
  unchecked?: number;
  /** Bytes at the start of a time-ordered file that were not read, being before every window (src/logs/scan). */
  skippedBytes?: number;
}

/** Progress of reading a source, for progress bars. */
export type ProgressFn = (p: { source: string; bytesRead: number; bytesTotal?: number }) => void;
