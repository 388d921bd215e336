import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readYamlSubset } from '../../src/rules/yaml-subset.js';

/**
 * The fast reader of rule files (src/rules/yaml-subset.ts) against the `yaml` package: on every input,
 * either it declines (undefined: the yaml package reads the file, as before) or its data is exactly the
 * yaml package's — same values, same types, same key order. Where the yaml package reports an error or
 * a warning, it always declines, so every message is the yaml package's.
 */
function agrees(text: string): 'fast' | 'declined' {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const fast = readYamlSubset(text);
  if (doc.errors.length > 0 || doc.warnings.length > 0) {
    expect(fast, `yaml reports a problem, the subset must decline:\n${text}`).toBeUndefined();
    return 'declined';
  }
  if (fast === undefined) return 'declined';
  const expected: unknown = doc.toJS();
  expect(fast, text).toStrictEqual(expected);
  // Key order too (zod reports problems in it) and -0 (toStrictEqual tells it from 0).
  expect(JSON.stringify(fast)).toBe(JSON.stringify(expected));
  return 'fast';
}

const ROOT = resolve(import.meta.dirname, '../..');
function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git' || name === 'dist' || name === '.stryker-tmp') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

describe('yaml subset reader', () => {
  it('reads every YAML file of the repository exactly as the yaml package does, or declines', () => {
    const files = yamlFiles(ROOT);
    expect(files.length).toBeGreaterThan(5);
    const fast = files.filter((f) => agrees(readFileSync(f, 'utf8')) === 'fast');
    // The rule files of the examples and tests are in the subset (the point of it).
    expect(fast.length).toBeGreaterThan(files.length / 3);
  });

  const base = (value: string) => `project: p\nvalue: ${value}\nrules:\n  - id: x\n    v: ${value}\n    f: [${value}]\n`;
  const SCALARS = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'Yes',
    'NO',
    '0755',
    '0o755',
    '0o8',
    '0x1F',
    '0X1F',
    '0xg',
    '1e3',
    '1E3',
    '1e',
    '1e+3',
    '.5',
    '1.',
    '+1',
    '-0',
    '+0',
    '-0.0',
    '007',
    '1_000',
    '.inf',
    '-.Inf',
    '+.INF',
    '.NaN',
    '.nan',
    '.NAN',
    'nan',
    'inf',
    '~',
    'null',
    'Null',
    'NULL',
    'nULL',
    'True',
    'TRUE',
    'tRUE',
    'false',
    'FALSE',
    '12:30',
    '12:30:00',
    'a b',
    'a  b',
    'a,b',
    'a]b',
    'a#b',
    'a #b',
    'x: y',
    'x:',
    '-x',
    '- x',
    '?x',
    '? x',
    ':x',
    ': x',
    '@x',
    '`x',
    '%x',
    '!x',
    '!!str x',
    '&a x',
    '*a',
    '|',
    '>',
    '"q"',
    "'s'",
    "'it''s'",
    "''",
    '""',
    '"a\\nb"',
    '"a # b"',
    "'a # b'",
    '"a" b',
    "'a'b",
    '[a, b]',
    '{a: 1}',
    '{"a":1}',
    '{"a": "b", "c": [1, 2]}',
    '[]',
    '{}',
    '[a,]',
    '[ a , b ]',
    '[a b]',
    '[[a], {b: c}]',
    '{a: 1, a: 2}',
    '{a}',
    'http://x.y/z?a=b&c=d#frag',
    'https://example.com/hook',
    'é',
    '😀',
    'a\u00a0',
    '\u00a0a',
    '1.5e-3',
    '-1',
    '0',
    '00',
    '0.0',
    '-.5',
    '+.5',
    '9007199254740993',
    '123456789012345678901234567890',
    '0x',
    '0o',
    '#c',
    '',
    '   ',
    'a # b # c',
    '"unclosed',
    "'unclosed",
    '[unclosed',
    '{unclosed',
    'a\\b',
    '"a\\"b"',
    'a\'b"c',
    'a:b',
    'a:/b',
    '[a:b]',
    '{a:b}',
  ];
  it.each(SCALARS)('scalar %j in block, sequence and flow positions', (value) => {
    agrees(base(value));
  });

  const DOCUMENTS = [
    'a: 1\n',
    'a: 1',
    'a:\n',
    'a:\nb: 2\n',
    'a:\n- 1\n- 2\nb: 3\n',
    'a:\n  - 1\n  - 2\nb: 3\n',
    'a:\n    - 1\n  - 2\n',
    'a:\n  - x: 1\n    y: 2\n  - x: 3\n',
    'a:\n  - x: 1\n     y: 2\n',
    'a:\n  - x: 1\n   y: 2\n',
    'a:\n  - x:\n      - 1\n',
    'a:\n  - x:\n    - 1\n',
    'a:\n  - x:\n    y: 1\n',
    'a:\n  -\n    x: 1\n',
    'a:\n  - - 1\n',
    'a:\n  -   x: 1\n      y: 2\n',
    'a:\n  b:\n    c: 1\n  d: 2\n',
    'a:\n  b: 1\n   c: 2\n',
    'a:\n  b: 1\n c: 2\n',
    'a: 1\n  b: 2\n',
    'a: b\n  c\n',
    'a: "b\n  c"\n',
    "a: 'b\n  c'\n",
    'a: [1,\n  2]\n',
    'a: 1\na: 2\n',
    'a: 1\n# c\n  # c\nb: 2 # c\n',
    '# only a comment\n',
    '',
    '\n\n',
    '---\na: 1\n',
    'a: 1\n...\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    '? a\n: 1\n',
    '"a": 1\n',
    "'a': 1\n",
    'a b: 1\n',
    'a:1\n',
    'a :1\n',
    'a : 1\n',
    'true: 1\n',
    'True: 1\n',
    'null: 1\n',
    '~: 1\n',
    '1: 1\n',
    '__proto__: 1\n',
    'a: {__proto__: 1}\n',
    'a.b-c_d: 1\n',
    'a: 1\r\nb: 2\r\n',
    'a:\t1\n',
    '\ufeffa: 1\n',
    '- a\n- b\n',
    '[a, b]\n',
    '{a: 1}\n',
    '  a: 1\n  b: 2\n',
    'a: 1\n- b\n',
    'a:\n  - 1\n  b: 2\n',
    'a: [1, 2] # c\n',
    'a: [1, 2]# c\n',
    'a: [1, 2] x\n',
    'a: "x"# c\n',
    'a: "x" # c\n',
    'a: {"x":1,"y":[1,{"z":"w"}]}\n',
    'a: {x: 1, "y": 2}\n',
    'a: {"x" : 1}\n',
    'a: {x :1}\n',
    'a: [ "a" , \'b\' ]\n',
    'a: [a, [b, [c, [d]]]]\n',
    `${'k'.repeat(1100)}: 1\n`,
    `a: ${'v'.repeat(5000)}\n`,
    'a: \u2028\n',
    'a: \x7f\n',
    'a: \x85\n',
    'a: b\u00a0\nc: 1\n',
  ];
  it.each(DOCUMENTS.map((d) => [d]))('document %j', (doc) => {
    agrees(doc);
  });

  it('a rule file in the usual shape is read by the fast path', () => {
    const text = [
      'project: shop # the project',
      '',
      'evaluation:',
      '  interval_minutes: 5',
      'sources:',
      '- name: app',
      '  path: logs/app.log',
      'rules:',
      '  # errors',
      '  - id: 00000000-0000-4000-8000-000000000001',
      '    name: "High error rate"',
      "    level: 'error'",
      '    threshold: 10',
      '    window_minutes: 15',
      '    channels: [webhook, email]',
      '    notify_webhook: https://hooks.example.com/x?a=1',
      '    where: [{ field: status, op: ">=", value: 500 }, {"field":"route","op":"matches","value":"^/api"}]',
      '    denominator:',
      '      min_level: debug',
      '    enabled: yes',
      '',
    ].join('\n');
    expect(agrees(text)).toBe('fast');
    expect((readYamlSubset(text) as { rules: { enabled: unknown }[] }).rules[0]!.enabled).toBe('yes');
  });

  /** Random documents from rule-file-like pieces, and random edits of them. */
  const KEYS = ['id', 'name', 'a', 'b', 'a.b', 'a-b', '_x', 'true', 'null', '__proto__', '1', 'x y', '"q"', 'yes', 'Key', 'a'];
  function document(rnd: () => number): string {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const lines: string[] = [];
    // Mostly values rule files have (so that many documents are in the subset), some of every edge case.
    const BENIGN = ['a', 'b c', '1', '2.5', 'true', 'x-y', '"q"', "'s'", 'https://e.com/x?a=b', '0755', 'yes', '~', '-3', 'error'];
    const scalar = () => (rnd() < 0.3 ? pick(SCALARS) : pick(BENIGN));
    const key = () => (rnd() < 0.2 ? pick(KEYS) : pick(['id', 'name', 'level', 'where', 'a.b', 'x_y', 'z-1']));
    const flow = (depth: number): string => {
      const r = rnd();
      if (depth > 2 || r < 0.5) return scalar();
      if (r < 0.75) return `[${Array.from({ length: Math.floor(rnd() * 3) }, () => flow(depth + 1)).join(pick([', ', ',', ' , ']))}]`;
      return `{${Array.from({ length: Math.floor(rnd() * 3) }, () => `${key()}${rnd() < 0.8 ? ': ' : pick([':', ' : '])}${flow(depth + 1)}`).join(', ')}}`;
    };
    const block = (indent: number, depth: number, inSeq: boolean) => {
      const n = 1 + Math.floor(rnd() * 3);
      const pad = ' '.repeat(indent);
      for (let k = 0; k < n; k++) {
        if (rnd() < 0.1) lines.push(`${' '.repeat(Math.floor(rnd() * 6))}# comment`);
        if (rnd() < 0.05) lines.push('');
        const name = key();
        const prefix = inSeq && k === 0 ? `${' '.repeat(indent - 2)}- ` : pad;
        const r = rnd();
        if (depth < 3 && r < 0.25) {
          lines.push(`${prefix}${name}:`);
          block(indent + pick([2, 4]), depth + 1, false);
        } else if (depth < 3 && r < 0.45) {
          lines.push(`${prefix}${name}:${rnd() < 0.2 ? ' # c' : ''}`);
          const seqIndent = indent + pick([0, 2, 2, 4]);
          const items = 1 + Math.floor(rnd() * 3);
          for (let j = 0; j < items; j++) {
            if (rnd() < 0.5) block(seqIndent + 2, depth + 1, true);
            else lines.push(`${' '.repeat(seqIndent)}- ${rnd() < 0.5 ? scalar() : flow(0)}`);
          }
        } else lines.push(`${prefix}${name}: ${rnd() < 0.6 ? scalar() : flow(0)}${rnd() < 0.1 ? ' # c' : ''}`);
      }
    };
    block(0, 0, false);
    return lines.join('\n') + (rnd() < 0.9 ? '\n' : '');
  }
  const EDITS = [
    ' ',
    ':',
    '-',
    '#',
    '\t',
    '\r',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '&',
    '*',
    '!',
    '|',
    '>',
    '\n',
    'a',
    '0',
    '.',
    '\\',
    '?',
  ];

  it('random documents and random edits of them: declines or agrees', () => {
    let fast = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.tuple(fc.nat(), fc.nat(EDITS.length), fc.boolean()), { maxLength: 3 }), (seed, edits) => {
        let s = seed >>> 0 || 1;
        const rnd = () => {
          // xorshift32: a document from the seed.
          s ^= s << 13;
          s ^= s >>> 17;
          s ^= s << 5;
          return (s >>> 0) / 2 ** 32;
        };
        let text = document(rnd);
        for (const [at, c, replace] of edits) {
          const p = at % (text.length + 1);
          text = text.slice(0, p) + (EDITS[c] ?? '') + text.slice(replace ? p + 1 : p);
        }
        total++;
        if (agrees(text) === 'fast') fast++;
      }),
      { numRuns: 3000, seed: 12 },
    );
    // Not vacuous: a good share of the documents take the fast path.
    expect(fast).toBeGreaterThan(total / 10);
  });
});
