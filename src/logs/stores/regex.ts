import { FieldError } from './plan.js';

/**
 * `matches` patterns for the stores. A rule's pattern is a JavaScript regular expression (no flags)
 * from the portable subset (src/model/filter.ts regexProblem). PostgreSQL's ARE and ClickHouse's re2
 * read most of it the same way, but not all:
 *
 * - `.`: JavaScript excludes the line terminators \n \r U+2028 U+2029; ClickHouse's match() lets it
 *   match anything, PostgreSQL lets it match \n. → written as the class [^\n\r\u2028\u2029].
 * - \d \w \s: ASCII digits and word characters and JavaScript's whitespace list in JavaScript; in
 *   PostgreSQL locale classes (Unicode digits/letters). → written as explicit classes.
 * - \xhh, \uhhhh: PostgreSQL reads \x greedily (\x41B is one character). → written as the character.
 * - \b \B (word boundaries): PostgreSQL's \b is a backspace and its \y uses Unicode letters; there is
 *   no exact translation, so a pattern with a word boundary is refused for store sources (use a class,
 *   e.g. (^|[^A-Za-z0-9_])word([^A-Za-z0-9_]|$)).
 * - \D \W \S inside a bracket class have no exact class form → refused.
 *
 * Known remaining difference, documented in docs/stores.md: without the `u` flag JavaScript counts a
 * character outside the Basic Multilingual Plane (an emoji) as two, the stores as one, so `.` or a
 * negated class matched against such a character can differ.
 */

const JS_SPACE =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const DIGIT = '0-9';
const WORD = 'A-Za-z0-9_';
const NOT_LINE = '\n\r\u2028\u2029';

type RegexDialect = 'postgres' | 'clickhouse';

/** A filter's pattern for the store; a pattern without an exact form is an error naming the field. */
export function storeRegex(filter: { field: string; value?: unknown }, dialect: RegexDialect): string {
  const pattern = String(filter.value);
  try {
    return translateRegex(pattern, dialect);
  } catch (err) {
    throw new FieldError(`field "${filter.field}": pattern ${JSON.stringify(pattern)}: ${(err as Error).message}`);
  }
}

/** A character as it must appear in a pattern: escaped when it is syntax. */
function literal(c: string, inClass: boolean): string {
  if (inClass) return /[\\\]^-]/.test(c) ? `\\${c}` : c;
  return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
}

/** A class body for `\s` (JavaScript's whitespace), with every character written literally. */
function spaceBody(): string {
  return [...JS_SPACE].map((c) => literal(c, true)).join('');
}

/** The pattern rewritten for the store; throws an Error saying why when it has no exact form. */
export function translateRegex(pattern: string, _dialect: RegexDialect): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new Error('pattern ends with a lone backslash');
      i++;
      switch (n) {
        case 'd':
          out += inClass ? DIGIT : `[${DIGIT}]`;
          continue;
        case 'w':
          out += inClass ? WORD : `[${WORD}]`;
          continue;
        case 's':
          out += inClass ? spaceBody() : `[${spaceBody()}]`;
          continue;
        case 'D':
        case 'W':
        case 'S': {
          if (inClass) throw new Error(`\\${n} inside a bracket class has no exact form in the store; write the class out`);
          const body = n === 'D' ? DIGIT : n === 'W' ? WORD : spaceBody();
          out += `[^${body}]`;
          continue;
        }
        case 'b':
        case 'B':
          if (inClass) {
            // [\b] is a backspace in JavaScript.
            out += literal('\b', true);
            continue;
          }
          throw new Error(`word boundaries (\\${n}) are not supported by store sources; use e.g. (^|[^A-Za-z0-9_])word([^A-Za-z0-9_]|$)`);
        case 'n':
          out += literal('\n', inClass);
          continue;
        case 'r':
          out += literal('\r', inClass);
          continue;
        case 't':
          out += literal('\t', inClass);
          continue;
        case 'f':
          out += literal('\f', inClass);
          continue;
        case 'v':
          out += literal('\v', inClass);
          continue;
        case '0':
          if (/[0-9]/.test(pattern[i + 1] ?? '')) throw new Error('octal escapes are not supported');
          out += literal('\0', inClass);
          continue;
        case 'x': {
          const hex = pattern.slice(i + 1, i + 3);
          if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
            out += literal('x', inClass);
            continue;
          }
          out += literal(String.fromCharCode(parseInt(hex, 16)), inClass);
          i += 2;
          continue;
        }
        case 'u': {
          const hex = pattern.slice(i + 1, i + 5);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
            out += literal('u', inClass);
            continue;
          }
          const code = parseInt(hex, 16);
          if (code >= 0xd800 && code <= 0xdfff) throw new Error('surrogate escapes (\\uD800–\\uDFFF) are not supported by store sources');
          out += literal(String.fromCharCode(code), inClass);
          i += 4;
          continue;
        }
        case 'c':
          throw new Error('control escapes (\\cX) are not supported by store sources');
        default:
          // Any other escaped character stands for itself.
          if (/[A-Za-z0-9]/.test(n)) throw new Error(`the escape \\${n} is not supported by store sources`);
          out += literal(n, inClass);
          continue;
      }
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
      } else if (c === '[') out += '\\[';
      else out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      // JavaScript: [] matches nothing and [^] anything; a ] right after [ or [^ closes the class.
      if (pattern[i + 1] === ']') {
        throw new Error('empty bracket classes ([] or [^]) are not supported by store sources');
      }
      continue;
    }
    if (c === '.') {
      out += `[^${NOT_LINE}]`;
      continue;
    }
    out += c;
  }
  return out;
}
