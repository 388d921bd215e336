import { type BacktestIncidents } from './lifecycle-evaluate.js';
import type { EvaluateOptions, RuleReport, SourceStats } from './types.js';
export interface BacktestOptions {
    rulesPath: string;
    logs?: string[];
    from: Date;
    to: Date;
    /** Only these rules (by id or name); all when absent. */
    only?: string[];
    env: NodeJS.ProcessEnv;
    onProgress?: EvaluateOptions['onProgress'];
    lineFormat?: EvaluateOptions['lineFormat'];
}
interface BacktestFire {
    rule_id: string;
    rule_name: string;
    triggered_at: string;
    match_count: number;
    /** Grouped rules: the instance's group. */
    group?: Record<string, string | null>;
    /** Ratio rules. */
    ratio?: number;
    denominator_count?: number;
}
export interface BacktestReport {
    project: string;
    from: string;
    to: string;
    interval_minutes: number;
    ticks: string[];
    rules: (RuleReport & {
        max_count: number;
        max_count_at: string | null;
    })[];
    fires: BacktestFire[];
    stats: SourceStats[];
    /** Only when some rule uses the alert lifecycle: incidents (fire → resolve) per instance, and totals. */
    incidents?: BacktestIncidents['incidents'];
    totals?: BacktestIncidents['totals'];
}
/**
 * Replays the rules over history on the same tick grid and decision rule as `evaluate`, starting with
 * no last_triggered_at, so users can tune threshold and window_minutes against what really happened.
 */
export declare function runBacktest(opts: BacktestOptions): Promise<BacktestReport>;
export {};
