import { LEVELS, levelsFrom, type Level } from '../model/levels.js';
import type { Selection } from '../model/series.js';
import { DEFAULT_GROUP_LOOKBACK_MINUTES, DEFAULT_MAX_GROUPS, type Rule } from './schema.js';

/** The parts of a rule (or a denominator) that choose entries. */
interface SelectionFields {
  level?: Level | Level[];
  min_level?: Level;
  where?: Selection['where'];
}

/** The levels a selection counts, lowest first; all five when it names none. */
export function selectedLevels(s: SelectionFields): Level[] {
  if (s.min_level !== undefined) return levelsFrom(s.min_level);
  if (s.level === undefined) return [...LEVELS];
  const set = new Set<Level>(Array.isArray(s.level) ? s.level : [s.level]);
  return LEVELS.filter((l) => set.has(l));
}

export function toSelection(s: SelectionFields): Selection {
  return { levels: selectedLevels(s), where: s.where ?? [] };
}

/** Which entries a rule counts. */
export const ruleSelection = (rule: Rule): Selection => toSelection(rule);

/**
 * The level as payloads, emails, pushes and reports show it: a plain rule's one level exactly as today
 * ("error"); a list or min_level as the levels it covers, comma-separated ("error,fatal"); "any" when
 * the rule names no level.
 */
export function levelLabel(rule: SelectionFields): string {
  if (typeof rule.level === 'string') return rule.level;
  if (rule.level === undefined && rule.min_level === undefined) return 'any';
  return selectedLevels(rule).join(',');
}

export const isRatio = (rule: Rule): boolean => rule.denominator !== undefined;
export const isFewerThan = (rule: Rule): boolean => rule.comparison === 'fewer_than';
export const maxGroups = (rule: Rule): number => rule.max_groups ?? DEFAULT_MAX_GROUPS;
export const groupLookbackMinutes = (rule: Rule): number => rule.group_lookback_minutes ?? DEFAULT_GROUP_LOOKBACK_MINUTES;
export const minDenominator = (rule: Rule): number => rule.min_denominator ?? 1;
