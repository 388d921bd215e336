import type { Decision } from './types.js';
/**
 * The payload fields a decision adds beyond the seed's, only for rules that use them: `group` for
 * grouped rules, `ratio` and `denominator_count` for ratio rules. Empty for a plain rule, so its
 * payloads stay byte-identical. Shared by webhook, push and email.
 */
export declare function decisionExtras(d: Decision): {
    group?: Record<string, string | null>;
    ratio?: number;
    denominator_count?: number;
};
/** "host=web-1, disk=/var" for messages and subjects. */
export declare function groupText(group: Record<string, string | null>): string;
/** A ratio as a percentage with up to two decimals ("12.5%"). */
export declare function percent(ratio: number): string;
