import type { Aggregate } from '../model/series.js';
/** The lifecycle fields of a rule (src/rules/schema.ts), as the rest of the code reads them. */
interface LifecycleFields {
    threshold: number;
    comparison?: 'at_least' | 'fewer_than';
    value?: {
        field: string;
        aggregate: Aggregate;
    };
    no_data?: 'keep' | 'ok' | 'alert';
    recovery_threshold?: number;
    pending_ticks?: number;
    renotify_minutes?: number;
    notify_resolved?: boolean;
}
/**
 * Whether a rule uses the alert lifecycle (ok → pending → firing → resolved, docs/lifecycle.md): it sets
 * any of value, recovery_threshold, pending_ticks, renotify_minutes, notify_resolved. Otherwise it keeps
 * the seed's dedup, and decides, delivers and stores exactly as before.
 */
export declare function usesLifecycle(rule: LifecycleFields): boolean;
/** Problems with a rule's lifecycle fields, each naming the field (the schema reports them with the rule). */
export declare function lifecycleProblems(rule: LifecycleFields): {
    field: string;
    message: string;
}[];
export {};
