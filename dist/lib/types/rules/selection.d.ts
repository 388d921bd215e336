import { type Level } from '../model/levels.js';
import type { Selection } from '../model/series.js';
import { type Rule } from './schema.js';
/** The parts of a rule (or a denominator) that choose entries. */
interface SelectionFields {
    level?: Level | Level[];
    min_level?: Level;
    where?: Selection['where'];
}
/** The levels a selection counts, lowest first; all five when it names none. */
export declare function selectedLevels(s: SelectionFields): Level[];
export declare function toSelection(s: SelectionFields): Selection;
/** Which entries a rule counts. */
export declare const ruleSelection: (rule: Rule) => Selection;
/**
 * The level as payloads, emails, pushes and reports show it: a plain rule's one level exactly as today
 * ("error"); a list or min_level as the levels it covers, comma-separated ("error,fatal"); "any" when
 * the rule names no level.
 */
export declare function levelLabel(rule: SelectionFields): string;
export declare const isRatio: (rule: Rule) => boolean;
export declare const isFewerThan: (rule: Rule) => boolean;
export declare const maxGroups: (rule: Rule) => number;
export declare const groupLookbackMinutes: (rule: Rule) => number;
export declare const minDenominator: (rule: Rule) => number;
export {};
