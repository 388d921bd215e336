import type { Level } from '../logs/levels.js';
import type { Rule } from '../rules/schema.js';

/** A half-open-at-the-start window (from, to] in epoch ms: entries with from < ts <= to count. */
export interface Window {
  fromMs: number;
  toMs: number;
}

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
}

/** A rule fired at a tick. */
export interface Decision {
  rule: Rule;
  /** ISO 8601 UTC of the evaluation tick. */
  triggered_at: string;
  match_count: number;
}
