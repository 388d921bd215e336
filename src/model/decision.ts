/**
 * A rule fired at a tick. Generic in the rule so this module needs nothing from rules/: evaluate and
 * deliver use Decision<Rule>.
 */
export interface Decision<R = unknown> {
  rule: R;
  /** ISO 8601 UTC of the evaluation tick. */
  triggered_at: string;
  match_count: number;
}
