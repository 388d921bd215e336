import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Minimal text edits of a YAML rule file: only the lines an edit touches change. Each function
 * returns undefined when the layout is one it does not handle (flow-style rules, an empty list, …);
 * the caller then re-renders the whole document instead. The caller checks the result's meaning.
 */

/** A value as YAML on one line: plain scalars where safe, JSON-quoted strings otherwise, flow lists. */
export function inlineYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineYaml).join(', ')}]`;
  if (typeof value === 'string') {
    // `@` and backtick are reserved as a first character; any parse error means quote it.
    const parsed = parseDocument(value);
    const plain = /^[A-Za-z0-9_./+][A-Za-z0-9_ ./@+:-]*$/.test(value) && !/: |\s$| #/.test(value) && parsed.errors.length === 0 && parsed.toJS() === value;
    return plain ? value : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const n = text.indexOf('\n', at);
  return n < 0 ? text.length : n;
};

/** End of the last non-blank line a node covers (node ranges may run on over trailing blank lines). */
function contentEnd(text: string, node: { range?: [number, number, number] | null }): number {
  let end = Math.min(text.length, node.range![2]);
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return lineEnd(text, end);
}

function rulesSeq(text: string): YAMLSeq<Node> | undefined {
  const rules = parseDocument(text).get('rules', true);
  return isSeq(rules) && !rules.flow ? (rules as YAMLSeq<Node>) : undefined;
}

function ruleMap(text: string, index: number): YAMLMap<Node, Node> | undefined {
  const item = rulesSeq(text)?.items[index];
  return isMap(item) && !item.flow ? (item as YAMLMap<Node, Node>) : undefined;
}

/** Sets (value) or removes (undefined) one field of rule `index`. */
export function spliceSetField(text: string | undefined, index: number, key: string, value: unknown): string | undefined {
  if (text === undefined) return undefined;
  const map = ruleMap(text, index);
  if (!map || map.items.length === 0) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
  if (pair) {
    const keyEnd = pair.key.range?.[1];
    const valueEnd = pair.value?.range?.[1];
    const nodeEnd = pair.value?.range?.[2];
    if (keyEnd === undefined || valueEnd === undefined || nodeEnd === undefined) return undefined;
    if (value === undefined) {
      // Remove the pair's whole lines (key line through the end of its value and trailing comment).
      const start = lineStart(text, pair.key.range![0]);
      const end = Math.min(text.length, contentEnd(text, pair.value!) + 1);
      return text.slice(0, start) + text.slice(end);
    }
    // Replace `: old value` (which may span lines) by `: new value`, keeping a trailing comment.
    const colon = text.indexOf(':', keyEnd);
    return text.slice(0, colon) + `: ${inlineYaml(value)}` + text.slice(valueEnd);
  }
  if (value === undefined) return text;
  // A new field: a line after the rule's last one, at the indentation of its first key.
  const first = map.items[0]!.key as Node;
  const last = map.items[map.items.length - 1]! as Pair<Node, Node>;
  const indent = first.range![0] - lineStart(text, first.range![0]);
  if (!last.value?.range) return undefined;
  const after = contentEnd(text, last.value);
  return text.slice(0, after) + `\n${' '.repeat(indent)}${key}: ${inlineYaml(value)}` + text.slice(after);
}

/** Appends a rule to the block list `rules:`, in the style of the existing items. */
export function spliceAddRule(text: string | undefined, rule: Record<string, unknown>): string | undefined {
  if (text === undefined) return undefined;
  const seq = rulesSeq(text);
  const items = seq?.items ?? [];
  if (!seq || items.length === 0) return undefined;
  const firstStart = items[0]!.range![0];
  const dash = text.lastIndexOf('-', firstStart);
  const dashIndent = dash - lineStart(text, dash);
  const keyIndent = firstStart - lineStart(text, firstStart);
  if (dash < lineStart(text, firstStart)) return undefined;
  const lines = Object.entries(rule).map(([k, v], i) => `${i === 0 ? `${' '.repeat(dashIndent)}-${' '.repeat(keyIndent - dashIndent - 1)}` : ' '.repeat(keyIndent)}${k}: ${inlineYaml(v)}`);
  const last = items[items.length - 1]!;
  const end = contentEnd(text, last);
  return text.slice(0, end) + '\n' + lines.join('\n') + text.slice(end);
}

/** Removes rule `index` (its lines, from its dash to the line before the next rule). */
export function spliceRemoveRule(text: string | undefined, index: number): string | undefined {
  if (text === undefined) return undefined;
  const seq = rulesSeq(text);
  const item = seq?.items[index];
  if (!seq || !item?.range || seq.items.length < 2) return undefined;
  const start = lineStart(text, item.range[0]);
  const next = seq.items[index + 1];
  const end = next?.range ? lineStart(text, next.range[0]) : Math.min(text.length, contentEnd(text, item) + 1);
  return text.slice(0, start) + text.slice(end);
}
