import { readFile } from 'node:fs/promises';
import { ContentChangedError, LockBusyError, lockFile, readTextIfExists, symlinkTarget, writeFileAtomic } from '../util/atomic-write.js';
import { isAlias, isMap, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { spliceAddRule, spliceRemoveRule, spliceSetField } from './splice.js';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { parseRules } from './load.js';
import type { RulesFile } from './schema.js';

/**
 * In-place edits of a rule file for `apialerts alerts …`. Each edit is applied twice: to the parsed
 * YAML document (the meaning) and as a text splice of only the lines it touches (so comments,
 * alignment and layout elsewhere stay byte for byte). The splice is used when it parses to exactly
 * the meaning; otherwise the document is re-rendered (block style, comments kept, layout normalised).
 * Every edit is validated with the same schema as `evaluate` before anything is written, and written
 * with util/atomic-write (temp file + fsync + rename + directory fsync) to the file a symlink points
 * at, keeping its mode, owner (where permitted), line endings and byte-order mark: a bad edit leaves
 * the file exactly as it was.
 *
 * `editRulesFile` serialises editors with util/atomic-write's lock file beside the rule file, and the
 * write is a compare-and-swap against the text the edit started from; if another writer changed it
 * meanwhile, the edit is re-applied to the new content — never a silent lost update.
 */
interface RulesDocument {
  /** The path as given (messages). */
  path: string;
  /** The file written: the symlink's target when `path` is a link. */
  target: string;
  doc: Document;
  json: boolean;
  /** The source (LF line ends) with the edits spliced in; undefined once a splice was not possible. */
  text: string | undefined;
  /** The file's bytes as read (null: the file did not exist), for the compare-and-swap. */
  original: string | null;
  eol: '\n' | '\r\n';
  bom: boolean;
}

export class ConcurrentEditError extends UserError {
  constructor(path: string) {
    super(`rule file ${path} was changed by another writer during the edit; nothing was written`, { exitCode: 1 });
  }
}

/** Opens a rule file; `starter` (a whole file's text) is used when it does not exist. */
export async function openRulesDocument(path: string, opts: { starter?: () => string } = {}): Promise<RulesDocument> {
  const target = await symlinkTarget(path);
  let raw: string | null;
  try {
    raw = await readFile(target, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !opts.starter)
      throw new UserError(`cannot read rule file ${path}: ${errorMessage(err)}`, { exitCode: EXIT.badInput });
    raw = null;
  }
  const source = raw ?? opts.starter!();
  const bom = source.startsWith('\uFEFF');
  const unmarked = bom ? source.slice(1) : source;
  const crlf = (unmarked.match(/\r\n/g) ?? []).length;
  const lf = (unmarked.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > 0 && crlf >= lf ? '\r\n' : '\n';
  const text = unmarked.replace(/\r\n/g, '\n');
  parseRules(text, path); // refuse to edit a file that is already invalid: the user fixes it first
  const doc = parseDocument(text);
  const json = path.endsWith('.json');
  return { path, target, doc, json, text: json ? undefined : text, original: raw, eol, bom };
}

/** The rules as plain data, to look rules up. */
export function rulesOf(d: RulesDocument): RulesFile {
  return parseRules(render(d), d.path);
}

const rulesJs = (d: RulesDocument) => (d.doc.toJS() as { rules?: { id?: string; name?: string }[] | null }).rules ?? [];

/** Index of the rule with this id or (unique) name. */
export function findRule(d: RulesDocument, key: string): number {
  const rules = rulesJs(d);
  const byId = rules.findIndex((r) => r.id === key);
  if (byId >= 0) return byId;
  const byName = rules.flatMap((r, i) => (r.name === key ? [i] : []));
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1)
    throw new UserError(`${byName.length} rules are named "${key}" in ${d.path}: use the id`, { exitCode: EXIT.badInput });
  throw new UserError(`no rule with id or name "${key}" in ${d.path}`, { exitCode: EXIT.badInput });
}

/** Names identify rules for `update NAME`, `rm NAME`…: an edit never makes two rules share one. */
function refuseDuplicateName(d: RulesDocument, name: unknown, except?: number): void {
  if (typeof name !== 'string') return;
  const other = rulesJs(d).findIndex((r, i) => i !== except && r.name === name);
  if (other >= 0)
    throw new UserError(
      `a rule named "${name}" already exists in ${d.path} (rules[${other}], id ${rulesJs(d)[other]!.id}): choose another name`,
      {
        exitCode: EXIT.badInput,
      },
    );
}

export function addRule(d: RulesDocument, rule: Record<string, unknown>): void {
  refuseDuplicateName(d, rule.name);
  if (d.text !== undefined) d.text = spliceAddRule(d.text, rule);
  const rules = d.doc.get('rules', true);
  if (rules === undefined || rules === null || (!isSeq(rules) && (rules as { value?: unknown }).value === null))
    d.doc.set('rules', d.doc.createNode([rule]));
  else if (isSeq(rules)) rules.add(d.doc.createNode(rule));
  else throw new UserError(`"rules" in ${d.path} is not a list`, { exitCode: EXIT.badInput });
  blockStyle(d);
}

// ---- anchors and aliases ------------------------------------------------------------------------

/** Anchors defined in `node`'s subtree. */
function anchorsIn(node: unknown): Set<string> {
  const found = new Set<string>();
  const note = (n: unknown) => {
    const anchor = (n as { anchor?: string } | null)?.anchor;
    if (anchor) found.add(anchor);
  };
  note(node);
  if (node && typeof node === 'object') visit(node as Node, { Node: (_k, n) => void note(n) });
  return found;
}

/** Anchors among `anchors` that an alias outside `node`'s subtree refers to. */
function usedOutside(d: RulesDocument, node: unknown, anchors: Set<string>): string[] {
  if (anchors.size === 0) return [];
  const used = new Set<string>();
  visit(d.doc, {
    Node: (_k, n) => {
      if (n === node) return visit.SKIP;
      if (isAlias(n) && anchors.has(n.source)) used.add(n.source);
      return undefined;
    },
  });
  return [...used];
}

function refuseAnchored(d: RulesDocument, node: unknown, what: string): void {
  const used = usedOutside(d, node, anchorsIn(node));
  if (used.length > 0)
    throw new UserError(
      `${what} in ${d.path} defines the YAML anchor${used.length > 1 ? 's' : ''} ${used.map((a) => `&${a}`).join(', ')} that other parts of the file use (${used
        .map((a) => `*${a}`)
        .join(', ')}): editing it would change or break them. Nothing was written; edit that part of the file by hand.`,
      { exitCode: EXIT.badInput },
    );
}

const ruleLabel = (d: RulesDocument, index: number) => `rule "${rulesJs(d)[index]?.name ?? index}"`;

/** Sets (or, for undefined, removes) fields of rule `index`, in place. */
export function updateRule(d: RulesDocument, index: number, fields: Record<string, unknown>): void {
  const node = d.doc.getIn(['rules', index], true);
  if (!isMap(node))
    throw new UserError(`rules[${index}] in ${d.path} is not a mapping (an alias or a list?): edit it by hand`, {
      exitCode: EXIT.badInput,
    });
  if ('name' in fields) refuseDuplicateName(d, fields.name, index);
  for (const key of Object.keys(fields)) {
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
    if (pair) {
      refuseAnchored(d, pair.value, `field ${key} of ${ruleLabel(d, index)}`);
      refuseAnchored(d, pair.key, `field ${key} of ${ruleLabel(d, index)}`);
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    if (d.text !== undefined) d.text = spliceSetField(d.text, index, key, value);
    if (value === undefined) node.delete(key);
    else node.set(key, d.doc.createNode(value));
  }
  blockStyle(d);
}

export function removeRule(d: RulesDocument, index: number): void {
  refuseAnchored(d, d.doc.getIn(['rules', index], true), ruleLabel(d, index));
  if (d.text !== undefined) d.text = spliceRemoveRule(d.text, index);
  d.doc.deleteIn(['rules', index]);
}

/** Re-rendered documents are block style too: the rules list and each rule (a `[]` list included). */
function blockStyle(d: RulesDocument): void {
  const rules = d.doc.get('rules', true);
  if (!isSeq(rules)) return;
  rules.flow = false;
  for (const item of rules.items) if (isMap(item)) item.flow = false;
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

/**
 * Validates the edited document with the schema, then replaces the file atomically — unless it
 * changed since it was opened (ConcurrentEditError, nothing written).
 */
export async function saveRulesDocument(d: RulesDocument): Promise<RulesFile> {
  const text = render(d);
  const file = parseRules(text, d.path); // throws (exit 2) before anything is written
  await replaceFile(d, (d.bom ? '\uFEFF' : '') + (d.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text));
  return file;
}

/** util/atomic-write, as a compare-and-swap: the file must still be what the edit was made from. */
async function replaceFile(d: Pick<RulesDocument, 'path' | 'target' | 'original'>, bytes: string): Promise<void> {
  try {
    await writeFileAtomic(d.target, bytes, { expected: d.original });
  } catch (err) {
    if (err instanceof ContentChangedError) throw new ConcurrentEditError(d.path);
    throw new UserError(`cannot write rule file ${d.path}: ${errorMessage(err)}`, { exitCode: EXIT.badInput });
  }
}

/** Writes a whole new rule file (`alerts init`), validated first, under the lock; `replace` allows an existing one. */
export async function writeRulesFile(path: string, text: string, opts: { replace: boolean }): Promise<RulesFile> {
  const file = parseRules(text, path);
  const target = await symlinkTarget(path);
  const unlock = await lock({ path, target });
  try {
    const original = await readTextIfExists(target);
    if (original !== null && !opts.replace)
      throw new UserError(`${path} already exists: edit it with \`apialerts alerts add|update|rm\`, or pass --force`, {
        exitCode: EXIT.badInput,
      });
    await replaceFile({ path, target, original }, text);
    return file;
  } finally {
    await unlock();
  }
}

// ---- serialised edits ---------------------------------------------------------------------------

const CAS_ATTEMPTS = 5;

/** Takes the rule file's lock (util/atomic-write lockFile: `<target>.lock`, waiting for another editor up to 30 s). */
async function lock(d: { path: string; target: string }): Promise<() => Promise<void>> {
  try {
    return await lockFile(d.target);
  } catch (err) {
    if (err instanceof LockBusyError)
      throw new UserError(
        `rule file ${d.path} is being edited by another process (lock ${err.lockPath}${err.pid ? `, pid ${err.pid}` : ''}); try again`,
        { exitCode: 1 },
      );
    throw new UserError(`cannot lock rule file ${d.path} (${d.target}.lock): ${errorMessage(err)}`, { exitCode: EXIT.badInput });
  }
}

/**
 * Opens, edits and saves a rule file under its lock. `edit` may run more than once (when another
 * writer changed the file meanwhile), so it only edits the document; act on its result afterwards.
 */
export async function editRulesFile<T>(
  path: string,
  edit: (d: RulesDocument) => T | Promise<T>,
  opts: { starter?: () => string } = {},
): Promise<{ result: T; file: RulesFile; created: boolean }> {
  const unlock = await lock({ path, target: await symlinkTarget(path) });
  try {
    for (let attempt = 1; ; attempt++) {
      const d = await openRulesDocument(path, opts);
      const result = await edit(d);
      try {
        return { result, file: await saveRulesDocument(d), created: d.original === null };
      } catch (err) {
        if (!(err instanceof ConcurrentEditError) || attempt >= CAS_ATTEMPTS) throw err;
      }
    }
  } finally {
    await unlock();
  }
}
