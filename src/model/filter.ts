import { numericValue } from './aggregate.js';
import type { Filter, FilterOp, Scalar } from './series.js';
import { FILTER_OPS } from './series.js';

/**
 * The field filters of src/model/series.ts as executable code: the file/stdin/URL scan and the rule
 * loader use these, so a rule means the same thing wherever it is checked. (The test oracle has its
 * own literal copy; the stores translate the same rules into SQL.)
 */

/** Operator spellings accepted in rule files besides the names themselves. */
const FILTER_OP_ALIASES: Readonly<Record<string, FilterOp>> = {
  '=': 'equals',
  '==': 'equals',
  eq: 'equals',
  '!=': 'not_equals',
  ne: 'not_equals',
  in: 'one_of',
  '=~': 'matches',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};

export function filterOpNamed(op: string): FilterOp | undefined {
  if ((FILTER_OPS as readonly string[]).includes(op)) return op as FilterOp;
  return Object.hasOwn(FILTER_OP_ALIASES, op) ? FILTER_OP_ALIASES[op] : undefined;
}

export const NUMERIC_OPS: readonly FilterOp[] = ['gt', 'gte', 'lt', 'lte'];

/**
 * Why a `matches` pattern is outside the portable subset (JavaScript, PostgreSQL ARE and ClickHouse
 * re2 agree on it), or undefined when it is fine: it must compile, and may not use look-around,
 * backreferences, named or flagged groups (`(?` other than `(?:`), or \p{…} classes.
 */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (err) {
    return `not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') return 'backreferences (\\1, \\k<name>) are not supported';
      if (n === 'p' || n === 'P') return 'Unicode property classes (\\p{…}) are not supported';
      i++;
      continue;
    }
    if (c === '[') {
      // Skip a character class: nothing in it is a group.
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      for (; j < pattern.length && pattern[j] !== ']'; j++) if (pattern[j] === '\\') j++;
      i = j;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?' && pattern[i + 2] !== ':')
      return 'look-around, named groups and inline flags ("(?" other than "(?:") are not supported';
  }
  return undefined;
}

/** The parsed entry a filter looks at (src/logs/formats.ts LogRecord). */
export interface FieldSource {
  fields: Record<string, unknown>;
  message?: string;
}

/** The value at `path`: `message` is the format's message; a top-level key wins over a nested path. */
export function fieldValue(entry: FieldSource, path: string): unknown {
  if (path === 'message') return entry.message;
  const f = entry.fields;
  if (Object.hasOwn(f, path)) return f[path];
  if (!path.includes('.')) return undefined;
  let cur: unknown = f;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The string form of a value (series.ts): strings as is, numbers as JSON writes them, booleans; else none. */
function stringForm(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

const scalarString = (v: Scalar): string => stringForm(v)!;

/** A filter as a predicate over parsed entries (regexes compiled once). */
function compileFilter(filter: Filter): (entry: FieldSource) => boolean {
  const { field } = filter;
  switch (filter.op) {
    case 'exists':
      return (e) => {
        const v = fieldValue(e, field);
        return v !== undefined && v !== null;
      };
    case 'equals': {
      const want = scalarString(filter.value as Scalar);
      return (e) => stringForm(fieldValue(e, field)) === want;
    }
    case 'not_equals': {
      const want = scalarString(filter.value as Scalar);
      return (e) => stringForm(fieldValue(e, field)) !== want;
    }
    case 'one_of': {
      const set = new Set((filter.value as Scalar[]).map(scalarString));
      return (e) => {
        const s = stringForm(fieldValue(e, field));
        return s !== undefined && set.has(s);
      };
    }
    case 'contains': {
      const want = scalarString(filter.value as Scalar);
      return (e) => stringForm(fieldValue(e, field))?.includes(want) === true;
    }
    case 'matches': {
      const re = new RegExp(filter.value as string);
      return (e) => {
        const s = stringForm(fieldValue(e, field));
        return s !== undefined && re.test(s);
      };
    }
    default: {
      const bound = filter.value as number;
      const cmp = {
        gt: (x: number) => x > bound,
        gte: (x: number) => x >= bound,
        lt: (x: number) => x < bound,
        lte: (x: number) => x <= bound,
      }[filter.op];
      return (e) => {
        // The one numeric reading (src/model/aggregate.ts numericValue), shared with value rules and the stores.
        const n = numericValue(fieldValue(e, field));
        return n !== null && cmp(n);
      };
    }
  }
}

/** All filters as one predicate. */
export function compileWhere(where: readonly Filter[]): (entry: FieldSource) => boolean {
  const preds = where.map(compileFilter);
  if (preds.length === 0) return () => true;
  if (preds.length === 1) return preds[0]!;
  return (e) => {
    for (const p of preds) if (!p(e)) return false;
    return true;
  };
}

/** A group's value of one group_by field: its string form, or null (missing, null, object, array). */
export function groupValue(entry: FieldSource, path: string): string | null {
  return stringForm(fieldValue(entry, path)) ?? null;
}
