import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { spliceAddRule, spliceRemoveRule, spliceSetField } from './splice.js';
import { UserError, errorMessage } from '../util/errors.js';
import { parseRules } from './load.js';
import type { RulesFile } from './schema.js';

/**
 * In-place edits of a rule file for `apialerts alerts …`. Each edit is applied twice: to the parsed
 * YAML document (the meaning) and as a text splice of only the lines it touches (so comments,
 * alignment and layout elsewhere stay byte for byte). The splice is used when it parses to exactly
 * the meaning; otherwise the document is re-rendered (comments kept, layout normalised). Every edit
 * is validated with the same schema as `evaluate` before anything is written, and written
 * atomically (temp file + rename): a bad edit leaves the file exactly as it was.
 */
export interface RulesDocument {
  path: string;
  doc: Document;
  json: boolean;
  /** The source with the edits spliced in; undefined once a splice was not possible. */
  text: string | undefined;
}

export async function openRulesDocument(path: string): Promise<RulesDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read rule file ${path}: ${errorMessage(err)}`, { exitCode: 2 });
  }
  parseRules(text, path); // refuse to edit a file that is already invalid: the user fixes it first
  const doc = parseDocument(text);
  const json = path.endsWith('.json');
  return { path, doc, json, text: json ? undefined : text };
}

/** The rules as plain data, to look rules up. */
export function rulesOf(d: RulesDocument): RulesFile {
  return parseRules(render(d), d.path);
}

/** Index of the rule with this id or (unique) name. */
export function findRule(d: RulesDocument, key: string): number {
  const rules = (d.doc.toJS() as { rules?: { id?: string; name?: string }[] }).rules ?? [];
  const byId = rules.findIndex((r) => r.id === key);
  if (byId >= 0) return byId;
  const byName = rules.flatMap((r, i) => (r.name === key ? [i] : []));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new UserError(`${byName.length} rules are named "${key}" in ${d.path}: use the id`, { exitCode: 2 });
  throw new UserError(`no rule with id or name "${key}" in ${d.path}`, { exitCode: 2 });
}

export function addRule(d: RulesDocument, rule: Record<string, unknown>): void {
  if (d.text !== undefined) d.text = spliceAddRule(d.text, rule);
  const rules = d.doc.get('rules');
  if (rules === undefined || rules === null) d.doc.set('rules', d.doc.createNode([rule]));
  else if (isSeq(rules)) rules.add(d.doc.createNode(rule));
  else throw new UserError(`"rules" in ${d.path} is not a list`, { exitCode: 2 });
}

/** Sets (or, for undefined, removes) fields of rule `index`, in place. */
export function updateRule(d: RulesDocument, index: number, fields: Record<string, unknown>): void {
  const node = d.doc.getIn(['rules', index]);
  if (!isMap(node)) throw new UserError(`rules[${index}] in ${d.path} is not a mapping`, { exitCode: 2 });
  for (const [key, value] of Object.entries(fields)) {
    if (d.text !== undefined) d.text = spliceSetField(d.text, index, key, value);
    if (value === undefined) node.delete(key);
    else node.set(key, d.doc.createNode(value));
  }
}

export function removeRule(d: RulesDocument, index: number): void {
  if (d.text !== undefined) d.text = spliceRemoveRule(d.text, index);
  d.doc.deleteIn(['rules', index]);
}

function render(d: RulesDocument): string {
  if (d.json) return JSON.stringify(d.doc.toJS(), null, 2) + '\n';
  if (d.text !== undefined) {
    // The splice is kept only if it parses cleanly to exactly the edited document.
    const spliced = parseDocument(d.text);
    if (spliced.errors.length === 0 && isDeepStrictEqual(spliced.toJS(), d.doc.toJS())) return d.text;
  }
  return String(d.doc);
}

/** Validates the edited document with the schema, then replaces the file atomically. */
export async function saveRulesDocument(d: RulesDocument): Promise<RulesFile> {
  const text = render(d);
  const file = parseRules(text, d.path); // throws (exit 2) before anything is written
  const tmp = join(dirname(d.path), `.${basename(d.path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    await rename(tmp, d.path);
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
  return file;
}
