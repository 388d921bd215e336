/** A rule's parameters that decide whether it fires. */
interface RuleTerms {
    enabled: boolean;
    threshold: number;
    window_minutes: number;
}
interface Fire {
    tickMs: number;
    match_count: number;
}
interface RuleDecision {
    fires: Fire[];
    /** last_triggered_at after these ticks (epoch ms), unchanged when nothing fired. */
    lastTriggeredMs: number | null;
}
/**
 * The seed's rule, applied tick by tick so catch-up never double-fires: at tick t the rule fires when
 * count >= threshold, unless it fired less than window_minutes before t. Disabled rules never fire.
 * `counts[i]` is the count in (ticks[i] − window, ticks[i]].
 */
export declare function decideRule(rule: RuleTerms, ticks: number[], counts: number[], lastTriggeredMs: number | null): RuleDecision;
/** One instance fired at a tick (grouped, ratio and fewer_than rules). */
interface InstanceFire {
    tickMs: number;
    key: string;
    group?: Record<string, string | null>;
    match_count: number;
    ratio?: number;
    denominator_count?: number;
}
interface InstanceDecision {
    fires: InstanceFire[];
    /** Per tick: instances whose condition held and that were due, but beyond max_groups (not fired, reported). */
    truncated: number[];
    /** The rule's last fire of any instance after these ticks. */
    lastTriggeredMs: number | null;
    /** Per instance key: last fire after these ticks (instances that never fired are absent). */
    instances: Map<string, {
        group?: Record<string, string | null>;
        lastTriggeredMs: number;
    }>;
}
/** A measured tick as decideInstances needs it (src/evaluate/measure.ts TickMeasure). */
interface MeasuredTick {
    tickMs: number;
    instances: {
        key: string;
        group?: Record<string, string | null>;
        count: number;
        denominator?: number;
        ratio?: number | null;
        measured: number | null;
        met: boolean;
    }[];
}
/**
 * The seed's dedup applied per alert instance: at tick t an instance fires when its condition holds,
 * unless that instance fired less than window_minutes before t. Ungrouped rules have one instance
 * (deduplicated on the rule's last_triggered_at, as the seed). Grouped rules fire at most max_groups
 * instances per tick: those due, highest measure first (lowest for fewer_than), ties by group key;
 * the rest are counted in `truncated`, never silently dropped, and stay due for the next tick.
 */
export declare function decideInstances(rule: RuleTerms & {
    max_groups: number;
    fewer_than: boolean;
    grouped: boolean;
}, ticks: MeasuredTick[], lastTriggeredMs: number | null, lastByInstance: Map<string, {
    group?: Record<string, string | null>;
    lastTriggeredMs: number;
}>): InstanceDecision;
export {};
