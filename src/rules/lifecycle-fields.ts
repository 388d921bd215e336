import type { Aggregate } from '../model/series.js';

/** The lifecycle fields of a rule (src/rules/schema.ts), as the rest of the code reads them. */
interface LifecycleFields {
  threshold: number;
  comparison?: 'at_least' | 'fewer_than';
  value?: { field: string; aggregate: Aggregate };
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
export function usesLifecycle(rule: LifecycleFields): boolean {
  return (
    rule.value !== undefined ||
    rule.recovery_threshold !== undefined ||
    rule.pending_ticks !== undefined ||
    rule.renotify_minutes !== undefined ||
    rule.notify_resolved !== undefined
  );
}

/** Problems with a rule's lifecycle fields, each naming the field (the schema reports them with the rule). */
export function lifecycleProblems(rule: LifecycleFields): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (rule.no_data !== undefined && rule.value === undefined) out.push({ field: 'no_data', message: 'only for value rules (with value)' });
  const r = rule.recovery_threshold;
  if (r !== undefined) {
    if (rule.comparison === 'fewer_than') {
      if (r < rule.threshold)
        out.push({
          field: 'recovery_threshold',
          message: `must be at least the threshold (${rule.threshold}) for a fewer_than rule: the alert resolves only at or above it`,
        });
    } else if (r > rule.threshold)
      out.push({
        field: 'recovery_threshold',
        message: `must be at most the threshold (${rule.threshold}): the alert resolves only below it`,
      });
  }
  return out;
}
