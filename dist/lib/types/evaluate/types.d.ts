import type { FormatOption } from '../model/log-format.js';
import type { Decision, Deliverer, DeliveryOutcome } from '../deliver/types.js';
import type { ProgressFn, SourceStats } from '../model/count.js';
import type { HeartbeatOptions, HeartbeatResult } from './heartbeat.js';
import type { SecretSources } from './secrets.js';
import type { LifecycleReport } from './lifecycle-evaluate.js';
export type { Decision };
export type { CountProvider, CountQuery, CountResult, SourceStats } from '../model/count.js';
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
    /**
     * Secrets passed by name and/or in a NAME=value bundle (a reusable workflow's carriers): only the
     * variables the rule file names are taken, and env's non-empty values win.
     */
    secrets?: SecretSources;
    /** Delivery implementation; dry runs need none. */
    deliverer?: Deliverer;
    /**
     * Ticks a chart should cover: when this run evaluates fewer, the grid ticks just before its first
     * tick are measured too (same query, never decided) into RuleReport.history.
     */
    historyTicks?: number;
    /** Called as sources are read, for progress bars. */
    onProgress?: ProgressFn;
    /** After a run that delivered everything (not a dry run): request a URL and/or send an event. */
    heartbeat?: HeartbeatOptions;
    /** How --logs sources are read (--format, --timezone) and what a mostly unreadable source does (--on-unreadable). */
    lineFormat?: LineFormatOptions;
}
/** CLI / action options for reading log lines (docs/formats.md). */
export interface LineFormatOptions {
    /** Format of the --logs sources: a built-in name, or a regex with named groups. */
    format?: FormatOption;
    /** Zone for zone-less timestamps in the --logs sources. */
    timezone?: string;
    /** `error`: any source whose lines are mostly unreadable stops the run with exit 2. */
    onUnreadable?: 'warn' | 'error';
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
    /** Counts at EvaluateReport.historyTicks (earlier ticks, measured for charts, not decided); when asked for. */
    history?: number[];
    /** at_least (count >= threshold) or fewer_than (count < threshold). */
    comparison?: 'at_least' | 'fewer_than';
    /** Ratio rules, per tick: numerator / denominator (null when the denominator is 0); of the first-ranked group when grouped. */
    ratios?: (number | null)[];
    /** Ratio rules, per tick: the denominator's count (of the first-ranked group when grouped). */
    denominator_counts?: number[];
    /** Grouped rules: the group_by fields. `counts` then holds the first-ranked group's count per tick. */
    group_by?: string[];
    /** Grouped rules, per tick: groups in play (see src/evaluate/measure.ts). */
    groups?: number[];
    /** Grouped rules, per tick: groups whose condition held. */
    groups_met?: number[];
    /** Grouped rules, per tick: groups due to fire but beyond max_groups (not fired this tick). */
    truncated_groups?: number[];
    /** Grouped rules: groups the sources did not track (memory bound), so never measured. */
    untracked_groups?: number;
    /** Grouped rules: every instance fired in this run. */
    fired_groups?: {
        triggered_at: string;
        group: Record<string, string | null>;
        match_count: number;
    }[];
}
/** Everything a shell needs to print, write outputs and a job summary. */
export interface EvaluateReport {
    project: string;
    /** ISO ticks evaluated in this run, oldest first. */
    ticks: string[];
    /** Ticks older than max_catchup_minutes that were not evaluated. */
    skippedTicks: number;
    /** Earlier grid ticks before `ticks` measured for the charts (EvaluateOptions.historyTicks), oldest first. */
    historyTicks?: string[];
    rules: RuleReport[];
    decisions: Decision[];
    outcomes: DeliveryOutcome[];
    stats: SourceStats[];
    dryRun: boolean;
    stateSaved: boolean;
    /** Set when a heartbeat was asked for and the run delivered everything. */
    heartbeat?: HeartbeatResult;
    /** Only when some rule uses the alert lifecycle: instances firing or pending, and what resolved in this run. */
    lifecycle?: LifecycleReport;
}
