import type { Decision } from './types.js';
import { levelLabel } from '../rules/selection.js';

/**
 * A decision as reports show it — the CLI's `--json` and the evaluate action's `fired` output: the rule
 * by id and name, not its whole configuration (which names env vars and URLs).
 */
export function decisionJson(d: Decision) {
  return {
    rule_id: d.rule.id,
    rule_name: d.rule.name,
    level: levelLabel(d.rule),
    threshold: d.rule.threshold,
    window_minutes: d.rule.window_minutes,
    match_count: d.match_count,
    triggered_at: d.triggered_at,
    ...(d.group ? { group: d.group } : {}),
    ...(d.denominator_count !== undefined ? { ratio: d.ratio, denominator_count: d.denominator_count } : {}),
  };
}
