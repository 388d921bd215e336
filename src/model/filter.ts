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
  // A string, number or boolean found is the entry's own: an object inherits only functions and
  // __proto__ (an object). That saves the hasOwn check for the fields most rules read.
  const found = f[path];
  if (typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean') return found;
  if (Object.hasOwn(f, path)) return found;
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

/** Numeric comparisons as small integers, for FieldGroup's loop. */
const NUMERIC_CODE: Readonly<Record<string, number>> = { gt: 0, gte: 1, lt: 2, lte: 3 };

/** The filters of one field in a FilterSet: they share the reading of its value. */
interface FieldGroup {
  path: string;
  /** equals: the filters per wanted string form (one Map lookup however many values are named), and all of them. */
  equals: Map<string, number[]>;
  equalIds: number[];
  /** gt/gte/lt/lte: filter, NUMERIC_CODE, bound. */
  numericIds: number[];
  numericOps: number[];
  bounds: number[];
  /**
   * matches with a literal prefix (literalPrefix): filter, whether the prefix is the whole pattern, the
   * regex; and the filters by prefix, per prefix length (a value is looked up once per length present).
   */
  prefixedIds: number[];
  wholes: boolean[];
  regexes: RegExp[];
  byPrefix: Map<number, Map<string, number[]>>;
}

/**
 * How a FilterSet judges a filter: all the equalities of its field at once, all its numeric comparisons
 * at once, all its prefixed regexes at once (looked up by prefix; the regex runs only where the value
 * starts with its prefix), or alone.
 */
const EQUALITY = 0;
const COMPARISON = 1;
const PREFIXED = 2;
const ALONE = 3;

/**
 * The literal text every match of an anchored pattern starts with ("/api/orders/" of
 * "^/api/orders/\\d+"), or "" when there is none to rely on: a cheap startsWith turns most
 * non-matching values away before the regex runs. `whole`: the pattern is that prefix and nothing
 * more, so startsWith alone decides.
 */
export function literalPrefix(pattern: string): { prefix: string; whole: boolean } {
  if (!pattern.startsWith('^') || pattern.includes('|')) return { prefix: '', whole: false };
  let out = '';
  let i = 1;
  for (; i < pattern.length; i++) {
    let c = pattern[i]!;
    let width = 1;
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      if (!/[^A-Za-z0-9]/.test(n)) break; // \d, \w, \b, \n, \u…: not a literal character
      c = n;
      width = 2;
    } else if ('^$.?*+()[]{}'.includes(c)) break;
    // A quantifier after the character makes it optional or repeated: it is not part of the prefix.
    const next = pattern[i + width];
    if (next === '?' || next === '*' || next === '+' || next === '{') break;
    out += c;
    i += width - 1;
  }
  return { prefix: out, whole: i >= pattern.length };
}

/** The test of one filter other than equals and the numeric comparisons, on a value and its string form. */
function valueTest(filter: Filter): (v: unknown, s: string | undefined) => boolean {
  switch (filter.op) {
    case 'exists':
      return (v) => v !== undefined && v !== null;
    case 'not_equals': {
      const want = scalarString(filter.value as Scalar);
      return (_v, s) => s !== want;
    }
    case 'one_of': {
      const set = new Set((filter.value as Scalar[]).map(scalarString));
      return (_v, s) => s !== undefined && set.has(s);
    }
    case 'contains': {
      const want = scalarString(filter.value as Scalar);
      return (_v, s) => s !== undefined && s.includes(want);
    }
    case 'matches': {
      // One with a literal prefix is judged with the others of its field (FilterSet, PREFIXED).
      const re = new RegExp(filter.value as string);
      return (_v, s) => s !== undefined && re.test(s);
    }
    default:
      throw new Error(`not a value test: ${filter.op}`);
  }
}

/**
 * Many filters judged on the same entries (a scan of many rules): each at most once per entry, lazily,
 * and the filters of one field share the reading of its value (its string and numeric forms made
 * when first needed). The equalities of a field are judged together by one Map lookup however many
 * values they name, its numeric comparisons together in one loop, its anchored regexes together by
 * their literal prefixes; other operators one by one, when asked. (200 rules judged one filter at a
 * time cost ~5 µs an error entry of the reference data, most of it the per-filter machinery.)
 * Call reset() before each entry, then holds() for the filters wanted (ids: places in the list given).
 */
export class FilterSet {
  private readonly groups: FieldGroup[] = [];
  /** Per filter: its field's place in `groups`, how it is judged, its test when judged alone. */
  private readonly groupOf: number[] = [];
  private readonly kind: Uint8Array;
  private readonly tests: (((v: unknown, s: string | undefined) => boolean) | undefined)[] = [];
  /** The current entry's number: a filter or field marked with another one is not judged or read yet for it. */
  private entry = 1;
  private readonly judgedAt: Uint32Array;
  /** Per filter, for the entry it was judged at: 1 holds, 2 does not. */
  private readonly result: Uint8Array;
  /** Per field: the entry it was read at and its value then; its string form once made (stringAt). */
  private readonly readAt: Uint32Array;
  private readonly values: unknown[];
  private readonly stringAt: Uint32Array;
  private readonly strings: (string | undefined)[];

  constructor(filters: readonly Filter[]) {
    const byPath = new Map<string, number>();
    this.kind = new Uint8Array(filters.length);
    filters.forEach((f, id) => {
      let gi = byPath.get(f.field);
      if (gi === undefined) {
        gi =
          this.groups.push({
            path: f.field,
            equals: new Map(),
            equalIds: [],
            numericIds: [],
            numericOps: [],
            bounds: [],
            prefixedIds: [],
            wholes: [],
            regexes: [],
            byPrefix: new Map(),
          }) - 1;
        byPath.set(f.field, gi);
      }
      this.groupOf.push(gi);
      const g = this.groups[gi]!;
      const prefixed = f.op === 'matches' ? literalPrefix(f.value as string) : { prefix: '', whole: false };
      this.tests.push(undefined);
      if (f.op === 'equals') {
        const want = scalarString(f.value as Scalar);
        const ids = g.equals.get(want);
        if (ids) ids.push(id);
        else g.equals.set(want, [id]);
        g.equalIds.push(id);
        this.kind[id] = EQUALITY;
      } else if (Object.hasOwn(NUMERIC_CODE, f.op)) {
        g.numericIds.push(id);
        g.numericOps.push(NUMERIC_CODE[f.op]!);
        g.bounds.push(f.value as number);
        this.kind[id] = COMPARISON;
      } else if (prefixed.prefix !== '') {
        const k = g.prefixedIds.push(id) - 1;
        g.wholes.push(prefixed.whole);
        g.regexes.push(new RegExp(f.value as string));
        const ofLength = g.byPrefix.get(prefixed.prefix.length) ?? new Map<string, number[]>();
        g.byPrefix.set(prefixed.prefix.length, ofLength);
        const same = ofLength.get(prefixed.prefix);
        if (same) same.push(k);
        else ofLength.set(prefixed.prefix, [k]);
        this.kind[id] = PREFIXED;
      } else {
        this.kind[id] = ALONE;
        this.tests[id] = valueTest(f);
      }
    });
    this.judgedAt = new Uint32Array(filters.length);
    this.result = new Uint8Array(filters.length);
    this.readAt = new Uint32Array(this.groups.length);
    this.values = new Array<unknown>(this.groups.length);
    this.stringAt = new Uint32Array(this.groups.length);
    this.strings = new Array<string | undefined>(this.groups.length);
  }

  /** A new entry: no filter judged, no field read yet. */
  reset(): void {
    if (++this.entry === 0xffffffff) {
      // Numbered anew before the counter wraps (after ~4 billion entries).
      this.judgedAt.fill(0);
      this.readAt.fill(0);
      this.stringAt.fill(0);
      this.entry = 1;
    }
  }

  holds(id: number, entry: FieldSource): boolean {
    if (this.judgedAt[id] !== this.entry) this.judge(id, entry);
    return this.result[id] === 1;
  }

  private judge(id: number, entry: FieldSource): void {
    const gi = this.groupOf[id]!;
    const g = this.groups[gi]!;
    const now = this.entry;
    if (this.readAt[gi] !== now) {
      this.readAt[gi] = now;
      this.values[gi] = fieldValue(entry, g.path);
    }
    const v = this.values[gi];
    const { judgedAt, result } = this;
    const kind = this.kind[id];
    if (kind === COMPARISON) {
      // The one numeric reading (src/model/aggregate.ts numericValue), shared with value rules and the stores.
      const n = numericValue(v);
      const ids = g.numericIds;
      const ops = g.numericOps;
      const bounds = g.bounds;
      for (let k = 0; k < ids.length; k++) {
        const b = bounds[k]!;
        const op = ops[k]!;
        judgedAt[ids[k]!] = now;
        result[ids[k]!] = n !== null && (op === 0 ? n > b : op === 1 ? n >= b : op === 2 ? n < b : n <= b) ? 1 : 2;
      }
      return;
    }
    if (this.stringAt[gi] !== now) {
      this.stringAt[gi] = now;
      this.strings[gi] = stringForm(v);
    }
    const s = this.strings[gi];
    if (kind === EQUALITY) {
      const ids = g.equalIds;
      for (let k = 0; k < ids.length; k++) {
        judgedAt[ids[k]!] = now;
        result[ids[k]!] = 2;
      }
      const hits = s === undefined ? undefined : g.equals.get(s);
      if (hits) for (let k = 0; k < hits.length; k++) result[hits[k]!] = 1;
    } else if (kind === PREFIXED) {
      const ids = g.prefixedIds;
      for (let k = 0; k < ids.length; k++) {
        judgedAt[ids[k]!] = now;
        result[ids[k]!] = 2;
      }
      if (s === undefined) return;
      // Only the filters whose prefix the value starts with can hold: one lookup per prefix length.
      for (const [length, ofLength] of g.byPrefix) {
        if (length > s.length) continue;
        const hits = ofLength.get(s.slice(0, length));
        if (hits) for (const k of hits) if (g.wholes[k] || g.regexes[k]!.test(s)) result[ids[k]!] = 1;
      }
    } else {
      judgedAt[id] = now;
      result[id] = this.tests[id]!(v, s) ? 1 : 2;
    }
  }
}

/** All filters as one predicate. */
export function compileWhere(where: readonly Filter[]): (entry: FieldSource) => boolean {
  const set = new FilterSet(where);
  return (e) => {
    set.reset();
    for (let id = 0; id < where.length; id++) if (!set.holds(id, e)) return false;
    return true;
  };
}

/** A group's value of one group_by field: its string form, or null (missing, null, object, array). */
export function groupValue(entry: FieldSource, path: string): string | null {
  return stringForm(fieldValue(entry, path)) ?? null;
}
