/**
 * A fast reader for the plain subset of YAML that rule files are written in (issue 12 item 8): block
 * mappings and sequences, single-line plain, single-quoted and double-quoted (no escapes) scalars,
 * and single-line flow sequences and mappings of those, with comments. Scalars resolve exactly as the
 * `yaml` package's YAML 1.2 core schema does (`yes`/`no` are strings, `0755` is 755, `0o755` is 493,
 * `~` is null, …), and the data is exactly what `parse(text, { uniqueKeys: true })` returns.
 *
 * It never guesses: anything outside the subset — anchors, aliases, tags, block scalars, multi-line
 * scalars or flows, escapes, tabs, CR, control characters, directives, document markers, duplicate
 * keys, keys that are not plain names, odd indentation, every construct the `yaml` package reports an
 * error or warning for — returns `undefined`, and the caller reads the file with the `yaml` package,
 * which then produces its usual data or its usual error message. test/rules/yaml-subset.test.ts
 * compares the two on every rule file in the repository, on edge cases and on generated documents.
 */

/** Characters that make a file leave the subset wherever they are. */
const OUTSIDE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A lone surrogate (a pair, an emoji say, is fine). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Keys the subset reads: plain names that the core schema resolves to themselves. */
const KEY = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const NOT_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);

class OutsideSubset extends Error {}
const outside = (): never => {
  throw new OutsideSubset();
};

/** The plain name starting at `p`, or undefined. */
function keyAt(line: string, p: number): string | undefined {
  KEY.lastIndex = p;
  const m = KEY.exec(line);
  return m === null ? undefined : m[0];
}

/** The data of `text` when it is inside the subset, else undefined (read it with the `yaml` package). */
export function readYamlSubset(text: string): unknown {
  if (OUTSIDE.test(text) || LONE_SURROGATE.test(text)) return undefined;
  try {
    const reader = new Reader(text);
    return reader.document();
  } catch (err) {
    if (err instanceof OutsideSubset) return undefined;
    throw err;
  }
}

/** The core schema's resolution of a plain scalar (node_modules/yaml/dist/schema/core, in its order). */
function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // A plain scalar that starts with a letter other than n N t T f F is a string (the common case).
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return s;
  }
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Whether a plain scalar may start with this character (YAML 1.2: not an indicator, `-?:` only before a non-space). */
function plainStart(line: string, p: number): boolean {
  const c = line.charCodeAt(p);
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return false;
    case DASH:
    case 63: // ?
    case COLON: {
      const next = line.charCodeAt(p + 1);
      return !Number.isNaN(next) && next !== SPACE;
    }
    default:
      return true;
  }
}

class Reader {
  private readonly lines: string[];
  /** Per line: the column where its content starts (a sequence item's `- ` counts as indentation). */
  private readonly indent: number[];
  /** The current line (always a significant one: not blank, not a comment line), or lines.length. */
  private i = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.indent = new Array<number>(this.lines.length);
    for (let k = 0; k < this.lines.length; k++) {
      const line = this.lines[k]!;
      let p = 0;
      while (line.charCodeAt(p) === SPACE) p++;
      // Blank and comment lines: -1, skipped wherever they are.
      this.indent[k] = p === line.length || line.charCodeAt(p) === HASH ? -1 : p;
      if (p === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%'))) outside();
    }
    this.skip();
  }

  private skip(): void {
    while (this.i < this.lines.length && this.indent[this.i] === -1) this.i++;
  }

  private next(): void {
    this.i++;
    this.skip();
  }

  private get done(): boolean {
    return this.i >= this.lines.length;
  }

  document(): unknown {
    // The top level of a rule file is a block mapping at column 0; anything else is read by the yaml package.
    if (this.done || this.indent[this.i] !== 0) outside();
    const data = this.blockMap(0);
    if (!this.done) outside();
    return data;
  }

  private isSeqItem(k: number): boolean {
    const line = this.lines[k]!;
    const p = this.indent[k]!;
    return line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE);
  }

  private blockMap(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (!this.done) {
      const at = this.indent[this.i]!;
      if (at < indent) break;
      if (at > indent || this.isSeqItem(this.i)) outside();
      const line = this.lines[this.i]!;
      const key = keyAt(line, at);
      if (key === undefined) return outside();
      let p = at + key.length;
      if (key.length > 1000 || NOT_STRING_KEYS.has(key) || Object.hasOwn(map, key) || line.charCodeAt(p) !== COLON) outside();
      p++;
      if (p < line.length && line.charCodeAt(p) !== SPACE) outside();
      while (line.charCodeAt(p) === SPACE) p++;
      if (p === line.length || line.charCodeAt(p) === HASH) {
        // `key:` alone: a nested block (deeper, or a sequence at the key's own column), else null.
        this.next();
        if (!this.done && this.indent[this.i]! > indent) {
          map[key] = this.isSeqItem(this.i) ? this.blockSeq(this.indent[this.i]!) : this.blockMap(this.indent[this.i]!);
        } else if (!this.done && this.indent[this.i] === indent && this.isSeqItem(this.i)) {
          map[key] = this.blockSeq(indent);
        } else map[key] = null;
        continue;
      }
      map[key] = this.inlineValue(line, p);
      this.next();
      // A deeper line after a value would continue a multi-line scalar (or be an error): not the subset.
      if (!this.done && this.indent[this.i]! > indent) outside();
    }
    return map;
  }

  private blockSeq(indent: number): unknown[] {
    const seq: unknown[] = [];
    while (!this.done) {
      const at = this.indent[this.i]!;
      if (at < indent) break;
      if (at > indent) outside();
      if (!this.isSeqItem(this.i)) break; // the parent mapping's next key, at the same column
      const line = this.lines[this.i]!;
      let p = at + 1;
      while (line.charCodeAt(p) === SPACE) p++;
      if (p === line.length || line.charCodeAt(p) === HASH) outside();
      if (line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE)) outside();
      if (this.startsCompactMap(line, p)) {
        // `- key: …`: a mapping whose column is the key's; the dash counts as indentation.
        this.indent[this.i] = p;
        seq.push(this.blockMap(p));
        continue;
      }
      seq.push(this.inlineValue(line, p));
      this.next();
      if (!this.done && this.indent[this.i]! > indent) outside();
    }
    return seq;
  }

  /** `name:` followed by a space or the end of the line. */
  private startsCompactMap(line: string, p: number): boolean {
    const key = keyAt(line, p);
    if (key === undefined) return false;
    const q = p + key.length;
    return line.charCodeAt(q) === COLON && (q + 1 === line.length || line.charCodeAt(q + 1) === SPACE);
  }

  /** A value that starts at `p` and ends the line (an optional ` # comment` after it). */
  private inlineValue(line: string, p: number): unknown {
    const c = line.charCodeAt(p);
    let value: unknown;
    let end: number;
    if (c === 34 || c === 39 || c === 91 || c === 123) {
      [value, end] = flowValue(line, p);
      let q = end;
      while (line.charCodeAt(q) === SPACE) q++;
      if (q < line.length && !(line.charCodeAt(q) === HASH && q > end)) outside();
      return value;
    }
    if (!plainStart(line, p)) outside();
    // A block plain scalar runs to the end of the line or a ` #` comment.
    const hash = line.indexOf(' #', p);
    const s = trimSpaces(hash === -1 ? line.slice(p) : line.slice(p, hash));
    if (s.includes(': ') || s.endsWith(':')) outside();
    return resolvePlain(s);
  }
}

/** A scalar or flow collection in flow context (or a quoted scalar / flow in block context), on one line: [value, end]. */
function flowValue(line: string, p: number): [unknown, number] {
  const c = line.charCodeAt(p);
  if (c === 34) {
    // Double-quoted without escapes.
    const close = line.indexOf('"', p + 1);
    if (close === -1) outside();
    const s = line.slice(p + 1, close);
    if (s.includes('\\')) outside();
    return [s, close + 1];
  }
  if (c === 39) {
    let s = '';
    let q = p + 1;
    for (;;) {
      const close = line.indexOf("'", q);
      if (close === -1) outside();
      s += line.slice(q, close);
      if (line.charCodeAt(close + 1) === 39) {
        s += "'";
        q = close + 2;
      } else return [s, close + 1];
    }
  }
  if (c === 91) {
    const seq: unknown[] = [];
    let q = skipSpaces(line, p + 1);
    if (line.charCodeAt(q) === 93) return [seq, q + 1];
    for (;;) {
      const [v, end] = flowItem(line, q);
      seq.push(v);
      q = skipSpaces(line, end);
      const d = line.charCodeAt(q);
      if (d === 93) return [seq, q + 1];
      if (d !== 44) outside();
      q = skipSpaces(line, q + 1);
      if (line.charCodeAt(q) === 93) outside(); // a trailing comma
    }
  }
  if (c === 123) {
    const map: Record<string, unknown> = {};
    let q = skipSpaces(line, p + 1);
    if (line.charCodeAt(q) === 125) return [map, q + 1];
    for (;;) {
      let key: string;
      if (line.charCodeAt(q) === 34) {
        const [k, end] = flowValue(line, q);
        key = k as string;
        if (line.charCodeAt(end) !== COLON) outside();
        q = end + 1;
      } else {
        const k = keyAt(line, q);
        if (k === undefined) return outside();
        key = k;
        q += key.length;
        if (line.charCodeAt(q) !== COLON || line.charCodeAt(q + 1) !== SPACE) outside();
        q++;
      }
      if (key.length > 1000 || NOT_STRING_KEYS.has(key) || Object.hasOwn(map, key)) outside();
      q = skipSpaces(line, q);
      const [v, end] = flowItem(line, q);
      map[key] = v;
      q = skipSpaces(line, end);
      const d = line.charCodeAt(q);
      if (d === 125) return [map, q + 1];
      if (d !== 44) outside();
      q = skipSpaces(line, q + 1);
      if (line.charCodeAt(q) === 125) outside(); // a trailing comma
    }
  }
  return outside();
}

/** An item of a flow collection: a quoted scalar, a flow collection, or a plain scalar without `:` or `#`. */
function flowItem(line: string, p: number): [unknown, number] {
  const c = line.charCodeAt(p);
  if (c === 34 || c === 39 || c === 91 || c === 123) return flowValue(line, p);
  if (p >= line.length || !plainStart(line, p)) outside();
  let q = p;
  for (; q < line.length; q++) {
    const d = line.charCodeAt(q);
    if (d === 44 || d === 93 || d === 125 || d === 91 || d === 123) break;
    if (d === COLON || d === HASH) outside();
  }
  const s = trimSpaces(line.slice(p, q));
  if (s === '') outside();
  return [resolvePlain(s), q];
}

function skipSpaces(line: string, p: number): number {
  while (line.charCodeAt(p) === SPACE) p++;
  return p;
}

/** Trailing spaces off (only spaces: YAML does not trim other whitespace, and tabs are outside the subset). */
function trimSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === SPACE) end--;
  return end === s.length ? s : s.slice(0, end);
}
