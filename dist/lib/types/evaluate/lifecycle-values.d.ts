import type { ProviderOptions } from '../logs/provider.js';
import type { Rule, Source } from '../rules/schema.js';
import type { MeasuredTick } from './lifecycle-run.js';
/**
 * Measures of value rules (`value: { field, aggregate }`): the aggregate of the field over each
 * rule's window at each tick, per group, from src/logs/value-scan.ts — one read per set of sources
 * for every value rule. Empty when no enabled rule is a value rule (nothing is read).
 */
export declare function measureValueRules(rules: readonly Rule[], ticks: readonly number[], sources: Source[], opts: ProviderOptions & {
    ignoreRuleSources?: boolean;
}): Promise<Map<string, MeasuredTick[]>>;
