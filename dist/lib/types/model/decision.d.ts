/**
 * A rule fired at a tick. Generic in the rule so this module needs nothing from rules/: evaluate and
 * deliver use Decision<Rule>.
 */
export interface Decision<R = unknown> {
    rule: R;
    /** ISO 8601 UTC of the evaluation tick. */
    triggered_at: string;
    match_count: number;
    /** What the delivery announces; absent: alert.triggered. A resolve repeats its fire's triggered_at and match_count. */
    event?: 'alert.triggered' | 'alert.resolved';
    /** Resolves: the tick at which the instance resolved (ISO 8601 UTC). */
    resolved_at?: string;
    /** Value rules (and every resolve): the value compared with the threshold at the tick; null: no data. */
    value?: number | null;
    /** Grouped rules: the instance's group, field → value (null when the entries lack the field). */
    group?: Record<string, string | null>;
    /** Ratio rules only: match_count / denominator_count. */
    ratio?: number;
    /** Ratio rules only: entries of the denominator selection in the window. */
    denominator_count?: number;
}
