import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Minimal text edits of a YAML rule file (LF line ends; the caller converts CRLF): only the lines an
 * edit touches change, and what is written is block style. Each function returns undefined when the
 * layout is one it does not handle (flow-style rules, …); the caller then re-renders the document.
 * The caller checks that the result parses to exactly the intended meaning.
 *
 * Comments belong to the rule below them: the comment lines directly above a rule's dash (no blank
 * line between, indented no deeper than the dash) move and go with it. Comment lines indented deeper
 * than the dash, right after a rule's last line, belong to that rule.
 */

/** A value as YAML on one line: plain scalars where safe, JSON-quoted strings otherwise, flow lists of scalars. */
function inlineYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineYaml).join(', ')}]`;
  if (typeof value === 'string') {
    // `@` and backtick are reserved as a first character; any parse error means quote it.
    const parsed = parseDocument(value);
    const plain =
      /^[A-Za-z0-9_./+][A-Za-z0-9_ ./@+:-]*$/.test(value) &&
      !/: |\s$| #/.test(value) &&
      parsed.errors.length === 0 &&
      parsed.toJS() === value;
    return plain ? value : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return JSON.stringify(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarValue = (v: unknown) => !isObject(v) && !Array.isArray(v);

/** `key: value` as block-style lines at `indent`: maps and lists of maps as blocks, lists of scalars inline. */
function blockPair(key: string, value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isObject(value) && Object.keys(value).length > 0)
    return [`${pad}${inlineYaml(key)}:`, ...Object.entries(value).flatMap(([k, v]) => blockPair(k, v, indent + 2))];
  if (Array.isArray(value) && value.length > 0 && !value.every(isScalarValue))
    return [`${pad}${inlineYaml(key)}:`, ...value.flatMap((item) => blockItem(item, indent + 2, indent + 4))];
  return [`${pad}${inlineYaml(key)}: ${isObject(value) ? '{}' : inlineYaml(value)}`];
}

/** One list item: `- key: value` with the rest of the map's keys at `keyIndent`. */
function blockItem(item: unknown, dashIndent: number, keyIndent: number): string[] {
  const dash = `${' '.repeat(dashIndent)}-${' '.repeat(Math.max(1, keyIndent - dashIndent - 1))}`;
  if (isObject(item) && Object.keys(item).length > 0) {
    const lines = Object.entries(item).flatMap(([k, v]) => blockPair(k, v, keyIndent));
    lines[0] = dash + lines[0]!.slice(keyIndent);
    return lines;
  }
  return [`${dash}${isObject(item) ? '{}' : inlineYaml(item)}`];
}

// ---- lines --------------------------------------------------------------------------------------

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const n = text.indexOf('\n', at);
  return n < 0 ? text.length : n;
};
/** The line before the one starting at `start` (start of that line), or -1. */
const prevLine = (text: string, start: number) => (start === 0 ? -1 : lineStart(text, start - 1));
const lineAt = (text: string, start: number) => text.slice(start, lineEnd(text, start));
const indentOf = (line: string) => line.length - line.trimStart().length;
const isComment = (line: string) => line.trimStart().startsWith('#');
const isBlank = (line: string) => line.trim() === '';

/** End of the last non-blank character before `at`, then to the end of that line. */
function trimmedLineEnd(text: string, at: number): number {
  let end = Math.min(text.length, at);
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return lineEnd(text, end);
}

interface Item {
  node: Node;
  /** Start of the dash's line. */
  dashLine: number;
  dashIndent: number;
  /** Start of the first line of the comments above it that belong to it (= dashLine when none). */
  lead: number;
  /** End (before the newline) of its last content line. */
  contentEnd: number;
  /** End of its last line counting the deeper-indented comments right after it. */
  tailEnd: number;
}

interface RulesLayout {
  seq: YAMLSeq<Node>;
  items: Item[];
  /** The `rules` key's pair (for an empty list). */
  pair: Pair<Node, Node>;
}

function layout(text: string): RulesLayout | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = (doc.contents as YAMLMap<Node, Node>).items.find((p) => isScalar(p.key) && p.key.value === 'rules');
  if (!pair) return undefined;
  const seq = pair.value;
  if (!isSeq(seq)) return { seq: undefined as unknown as YAMLSeq<Node>, items: [], pair };
  if (seq.flow && seq.items.length > 0) return undefined;
  const items: Item[] = [];
  let floor = lineEnd(text, pair.key.range![0]) + 1; // comments above the first rule start after `rules:`
  for (const node of (seq as YAMLSeq<Node>).items) {
    if (!node.range || (isMap(node) && node.flow)) return undefined;
    const dash = text.lastIndexOf('-', node.range[0]);
    const dashLine = lineStart(text, dash);
    if (dash < 0 || text.slice(dashLine, dash).trim() !== '') return undefined;
    const dashIndent = dash - dashLine;
    let lead = dashLine;
    for (let p = prevLine(text, lead); p >= floor && p >= 0; p = prevLine(text, p)) {
      const line = lineAt(text, p);
      if (!isComment(line) || indentOf(line) > dashIndent) break;
      lead = p;
    }
    const contentEnd = trimmedLineEnd(text, node.range[1]);
    let tailEnd = contentEnd;
    while (tailEnd < text.length) {
      const next = lineAt(text, tailEnd + 1);
      if (!isComment(next) || indentOf(next) <= dashIndent) break;
      tailEnd = lineEnd(text, tailEnd + 1);
    }
    items.push({ node, dashLine, dashIndent, lead, contentEnd, tailEnd });
    floor = tailEnd + 1;
  }
  return { seq: seq as YAMLSeq<Node>, items, pair };
}

/** Whether the rules are separated by blank lines (then an added rule is too). */
function blankSeparated(text: string, items: Item[]): boolean {
  if (items.length < 2) return false;
  return text.slice(items[0]!.tailEnd, items[1]!.lead).split('\n').slice(1, -1).some(isBlank);
}

/** Sets (value) or removes (undefined) one field of rule `index`. */
export function spliceSetField(text: string | undefined, index: number, key: string, value: unknown): string | undefined {
  if (text === undefined) return undefined;
  const item = layout(text)?.items[index];
  if (!item || !isMap(item.node) || item.node.items.length === 0) return undefined;
  const map = item.node as YAMLMap<Node, Node>;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const firstKey = map.items[0]!.key;
  if (!firstKey?.range) return undefined;
  const keyIndent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
  const multiLine = blockPair(key, value, keyIndent).length > 1;
  if (pair) {
    if (!pair.key?.range || !pair.value?.range) return undefined;
    const start = lineStart(text, pair.key.range[0]);
    const end = trimmedLineEnd(text, pair.value.range[1]);
    if (lineStart(text, pair.key.range[0]) !== lineStart(text, firstKey.range[0]) && pair.key.range[0] - start !== keyIndent)
      return undefined;
    if (value === undefined) return text.slice(0, start) + text.slice(Math.min(text.length, end + 1));
    const oneLine = lineEnd(text, pair.key.range[0]) >= pair.value.range[1] - 1 && !multiLine;
    if (oneLine) {
      // Replace `: old value` by `: new value`, keeping a trailing comment.
      const colon = text.indexOf(':', pair.key.range[1]);
      return text.slice(0, colon) + `: ${inlineYaml(value)}` + text.slice(pair.value.range[1]);
    }
    // A block value (or one becoming one): replace the pair's lines; the first line keeps the dash.
    const lines = blockPair(key, value, keyIndent);
    const keyStart = pair.key.range[0];
    return text.slice(0, keyStart) + lines.join('\n').slice(keyIndent) + text.slice(end);
  }
  if (value === undefined) return text;
  // A new field: lines after the rule's last content line, at the indentation of its first key.
  return text.slice(0, item.contentEnd) + '\n' + blockPair(key, value, keyIndent).join('\n') + text.slice(item.contentEnd);
}

/** Appends a rule to the block list `rules:` (creating the block from `rules: []` or `rules:`), in the style of the existing items. */
export function spliceAddRule(text: string | undefined, rule: Record<string, unknown>): string | undefined {
  if (text === undefined) return undefined;
  const l = layout(text);
  if (!l) return undefined;
  if (l.items.length === 0) {
    // `rules: []`, `rules:` or `rules: ~`: the value goes, the block follows the key's line.
    const value = l.pair.value;
    if (value && !(isSeq(value) && value.items.length === 0) && !(isScalar(value) && value.value === null)) return undefined;
    const keyLineEnd = lineEnd(text, l.pair.key.range![0]);
    let head = text.slice(0, keyLineEnd);
    if (value?.range && value.range[0] < keyLineEnd)
      head = text.slice(0, value.range[0]).trimEnd() + text.slice(value.range[1], keyLineEnd);
    const keyIndent = l.pair.key.range![0] - lineStart(text, l.pair.key.range![0]);
    return head + '\n' + blockItem(rule, keyIndent + 2, keyIndent + 4).join('\n') + text.slice(keyLineEnd);
  }
  const first = l.items[0]!;
  const firstKey = isMap(first.node) ? (first.node as YAMLMap<Node, Node>).items[0]?.key : undefined;
  const keyIndent = firstKey?.range ? firstKey.range[0] - lineStart(text, firstKey.range[0]) : first.dashIndent + 2;
  const last = l.items[l.items.length - 1]!;
  const sep = blankSeparated(text, l.items) ? '\n\n' : '\n';
  return text.slice(0, last.tailEnd) + sep + blockItem(rule, first.dashIndent, keyIndent).join('\n') + text.slice(last.tailEnd);
}

/** Removes rule `index`: its lines, the comments above it that belong to it, and the separator after it. */
export function spliceRemoveRule(text: string | undefined, index: number): string | undefined {
  if (text === undefined) return undefined;
  const l = layout(text);
  const item = l?.items[index];
  if (!l || !item) return undefined;
  const next = l.items[index + 1];
  if (next) return text.slice(0, item.lead) + text.slice(next.lead);
  const end = Math.min(text.length, item.tailEnd + 1);
  if (l.items.length === 1) {
    // The only rule: the list becomes `rules: []` (the one way to write an empty list).
    const keyLineEnd = lineEnd(text, l.pair.key.range![0]);
    const colon = text.indexOf(':', l.pair.key.range![1]);
    const rest = text.slice(colon + 1, keyLineEnd);
    const keyLine = text.slice(0, colon + 1) + ' []' + (rest.trim() ? ` ${rest.trim()}` : '');
    return keyLine + text.slice(keyLineEnd, item.lead) + text.slice(end);
  }
  // The last rule: also the blank lines that separated it from the rule before.
  let start = item.lead;
  const floor = l.items[index - 1]!.tailEnd + 1;
  for (let p = prevLine(text, start); p >= floor && isBlank(lineAt(text, p)); p = prevLine(text, p)) start = p;
  return text.slice(0, start) + text.slice(end);
}
