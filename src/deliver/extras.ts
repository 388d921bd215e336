import type { Decision } from './types.js';

/**
 * The payload fields a decision adds beyond the seed's, only for rules that use them: `group` for
 * grouped rules, `ratio` and `denominator_count` for ratio rules. Empty for a plain rule, so its
 * payloads stay byte-identical. Shared by webhook, push and email.
 */
export function decisionExtras(d: Decision): { group?: Record<string, string | null>; ratio?: number; denominator_count?: number } {
  return {
    ...(d.group && d.rule.group_by ? { group: d.group } : {}),
    ...(d.denominator_count !== undefined ? { ratio: d.ratio!, denominator_count: d.denominator_count } : {}),
  };
}

/** "host=web-1, disk=/var" for messages and subjects. */
export function groupText(group: Record<string, string | null>): string {
  return Object.entries(group)
    .map(([k, v]) => `${k}=${v ?? '(none)'}`)
    .join(', ');
}

/** A ratio as a percentage with up to two decimals ("12.5%"). */
export function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}
