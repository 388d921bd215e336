import type { Level } from '../logs/levels.js';
import type { Rule } from '../rules/schema.js';
import type { Deliverer, DeliveryOutcome } from '../deliver/types.js';

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
  /**
   * Lines of a large source that the byte prefilter proved are not an entry in any window asked for,
   * so they were counted in linesRead but not parsed: `unreadable` does not cover them (src/logs/scan).
   */
  unchecked?: number;
  /** Bytes at the start of a time-ordered file that were not read, being before every window (src/logs/scan). */
  skippedBytes?: number;
}

/** A rule fired at a tick. */
export interface Decision {
  rule: Rule;
  /** ISO 8601 UTC of the evaluation tick. */
  triggered_at: string;
  match_count: number;
}

/** What a shell (CLI or action) asks of one evaluation run. */
export interface EvaluateOptions {
  rulesPath: string;
  /** Paths, globs or URLs given on the command line / action input; replace the file's sources when set. */
  logs?: string[];
  statePath: string;
  /** Evaluation time; defaults to the current time. Ticks are floored to the interval grid. */
  now?: Date;
  /** Decide and report, deliver nothing, save no state. */
  dryRun: boolean;
  /** Overrides the rule file's delivery.allow_private_targets when true. */
  allowPrivateTargets?: boolean;
  env: NodeJS.ProcessEnv;
  /** Delivery implementation; dry runs need none. */
  deliverer?: Deliverer;
  /** Called as sources are read, for progress bars. */
  onProgress?: (p: { source: string; bytesRead: number; bytesTotal?: number }) => void;
}

export interface RuleReport {
  id: string;
  name: string;
  level: string;
  threshold: number;
  window_minutes: number;
  enabled: boolean;
  /** Count at each evaluated tick, aligned with EvaluateReport.ticks. */
  counts: number[];
  /** triggered_at of every fire in this run. */
  fired: string[];
}

/** Everything a shell needs to print, write outputs and a job summary. */
export interface EvaluateReport {
  project: string;
  /** ISO ticks evaluated in this run, oldest first. */
  ticks: string[];
  /** Ticks older than max_catchup_minutes that were not evaluated. */
  skippedTicks: number;
  rules: RuleReport[];
  decisions: Decision[];
  outcomes: DeliveryOutcome[];
  stats: SourceStats[];
  dryRun: boolean;
  stateSaved: boolean;
}
