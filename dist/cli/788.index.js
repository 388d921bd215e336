export const id = 788;
export const ids = [788];
export const modules = {

/***/ 9788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConcurrentEditError: () => (/* binding */ ConcurrentEditError),
  addRule: () => (/* binding */ addRule),
  editRulesFile: () => (/* binding */ editRulesFile),
  findRule: () => (/* binding */ findRule),
  openRulesDocument: () => (/* binding */ openRulesDocument),
  removeRule: () => (/* binding */ removeRule),
  rulesOf: () => (/* binding */ rulesOf),
  saveRulesDocument: () => (/* binding */ saveRulesDocument),
  updateRule: () => (/* binding */ updateRule),
  writeRulesFile: () => (/* binding */ writeRulesFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/util/atomic-write.ts
var atomic_write = __webpack_require__(5105);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/rules/splice.ts

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
function inlineYaml(value) {
    if (Array.isArray(value))
        return `[${value.map(inlineYaml).join(', ')}]`;
    if (typeof value === 'string') {
        // `@` and backtick are reserved as a first character; any parse error means quote it.
        const parsed = (0,dist/* parseDocument */.Tp)(value);
        const plain = /^[A-Za-z0-9_./+][A-Za-z0-9_ ./@+:-]*$/.test(value) &&
            !/: |\s$| #/.test(value) &&
            parsed.errors.length === 0 &&
            parsed.toJS() === value;
        return plain ? value : JSON.stringify(value);
    }
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (value === null)
        return 'null';
    return JSON.stringify(value);
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarValue = (v) => !isObject(v) && !Array.isArray(v);
/** `key: value` as block-style lines at `indent`: maps and lists of maps as blocks, lists of scalars inline. */
function blockPair(key, value, indent) {
    const pad = ' '.repeat(indent);
    if (isObject(value) && Object.keys(value).length > 0)
        return [`${pad}${inlineYaml(key)}:`, ...Object.entries(value).flatMap(([k, v]) => blockPair(k, v, indent + 2))];
    if (Array.isArray(value) && value.length > 0 && !value.every(isScalarValue))
        return [`${pad}${inlineYaml(key)}:`, ...value.flatMap((item) => blockItem(item, indent + 2, indent + 4))];
    return [`${pad}${inlineYaml(key)}: ${isObject(value) ? '{}' : inlineYaml(value)}`];
}
/** One list item: `- key: value` with the rest of the map's keys at `keyIndent`. */
function blockItem(item, dashIndent, keyIndent) {
    const dash = `${' '.repeat(dashIndent)}-${' '.repeat(Math.max(1, keyIndent - dashIndent - 1))}`;
    if (isObject(item) && Object.keys(item).length > 0) {
        const lines = Object.entries(item).flatMap(([k, v]) => blockPair(k, v, keyIndent));
        lines[0] = dash + lines[0].slice(keyIndent);
        return lines;
    }
    return [`${dash}${isObject(item) ? '{}' : inlineYaml(item)}`];
}
// ---- lines --------------------------------------------------------------------------------------
const lineStart = (text, at) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text, at) => {
    const n = text.indexOf('\n', at);
    return n < 0 ? text.length : n;
};
/** The line before the one starting at `start` (start of that line), or -1. */
const prevLine = (text, start) => (start === 0 ? -1 : lineStart(text, start - 1));
const lineAt = (text, start) => text.slice(start, lineEnd(text, start));
const indentOf = (line) => line.length - line.trimStart().length;
const isComment = (line) => line.trimStart().startsWith('#');
const isBlank = (line) => line.trim() === '';
/** End of the last non-blank character before `at`, then to the end of that line. */
function trimmedLineEnd(text, at) {
    let end = Math.min(text.length, at);
    while (end > 0 && /\s/.test(text[end - 1]))
        end--;
    return lineEnd(text, end);
}
function layout(text) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents))
        return undefined;
    const pair = doc.contents.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'rules');
    if (!pair)
        return undefined;
    const seq = pair.value;
    if (!(0,dist/* isSeq */.oP)(seq))
        return { seq: undefined, items: [], pair };
    if (seq.flow && seq.items.length > 0)
        return undefined;
    const items = [];
    let floor = lineEnd(text, pair.key.range[0]) + 1; // comments above the first rule start after `rules:`
    for (const node of seq.items) {
        if (!node.range || ((0,dist/* isMap */.jh)(node) && node.flow))
            return undefined;
        const dash = text.lastIndexOf('-', node.range[0]);
        const dashLine = lineStart(text, dash);
        if (dash < 0 || text.slice(dashLine, dash).trim() !== '')
            return undefined;
        const dashIndent = dash - dashLine;
        let lead = dashLine;
        for (let p = prevLine(text, lead); p >= floor && p >= 0; p = prevLine(text, p)) {
            const line = lineAt(text, p);
            if (!isComment(line) || indentOf(line) > dashIndent)
                break;
            lead = p;
        }
        const contentEnd = trimmedLineEnd(text, node.range[1]);
        let tailEnd = contentEnd;
        while (tailEnd < text.length) {
            const next = lineAt(text, tailEnd + 1);
            if (!isComment(next) || indentOf(next) <= dashIndent)
                break;
            tailEnd = lineEnd(text, tailEnd + 1);
        }
        items.push({ node, dashLine, dashIndent, lead, contentEnd, tailEnd });
        floor = tailEnd + 1;
    }
    return { seq: seq, items, pair };
}
/** Whether the rules are separated by blank lines (then an added rule is too). */
function blankSeparated(text, items) {
    if (items.length < 2)
        return false;
    return text.slice(items[0].tailEnd, items[1].lead).split('\n').slice(1, -1).some(isBlank);
}
/** Sets (value) or removes (undefined) one field of rule `index`. */
function spliceSetField(text, index, key, value) {
    if (text === undefined)
        return undefined;
    const item = layout(text)?.items[index];
    if (!item || !(0,dist/* isMap */.jh)(item.node) || item.node.items.length === 0)
        return undefined;
    const map = item.node;
    const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    const firstKey = map.items[0].key;
    if (!firstKey?.range)
        return undefined;
    const keyIndent = firstKey.range[0] - lineStart(text, firstKey.range[0]);
    const multiLine = blockPair(key, value, keyIndent).length > 1;
    if (pair) {
        if (!pair.key?.range || !pair.value?.range)
            return undefined;
        const start = lineStart(text, pair.key.range[0]);
        const end = trimmedLineEnd(text, pair.value.range[1]);
        if (lineStart(text, pair.key.range[0]) !== lineStart(text, firstKey.range[0]) && pair.key.range[0] - start !== keyIndent)
            return undefined;
        if (value === undefined)
            return text.slice(0, start) + text.slice(Math.min(text.length, end + 1));
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
    if (value === undefined)
        return text;
    // A new field: lines after the rule's last content line, at the indentation of its first key.
    return text.slice(0, item.contentEnd) + '\n' + blockPair(key, value, keyIndent).join('\n') + text.slice(item.contentEnd);
}
/** Appends a rule to the block list `rules:` (creating the block from `rules: []` or `rules:`), in the style of the existing items. */
function spliceAddRule(text, rule) {
    if (text === undefined)
        return undefined;
    const l = layout(text);
    if (!l)
        return undefined;
    if (l.items.length === 0) {
        // `rules: []`, `rules:` or `rules: ~`: the value goes, the block follows the key's line.
        const value = l.pair.value;
        if (value && !((0,dist/* isSeq */.oP)(value) && value.items.length === 0) && !((0,dist/* isScalar */.jn)(value) && value.value === null))
            return undefined;
        const keyLineEnd = lineEnd(text, l.pair.key.range[0]);
        let head = text.slice(0, keyLineEnd);
        if (value?.range && value.range[0] < keyLineEnd)
            head = text.slice(0, value.range[0]).trimEnd() + text.slice(value.range[1], keyLineEnd);
        const keyIndent = l.pair.key.range[0] - lineStart(text, l.pair.key.range[0]);
        return head + '\n' + blockItem(rule, keyIndent + 2, keyIndent + 4).join('\n') + text.slice(keyLineEnd);
    }
    const first = l.items[0];
    const firstKey = (0,dist/* isMap */.jh)(first.node) ? first.node.items[0]?.key : undefined;
    const keyIndent = firstKey?.range ? firstKey.range[0] - lineStart(text, firstKey.range[0]) : first.dashIndent + 2;
    const last = l.items[l.items.length - 1];
    const sep = blankSeparated(text, l.items) ? '\n\n' : '\n';
    return text.slice(0, last.tailEnd) + sep + blockItem(rule, first.dashIndent, keyIndent).join('\n') + text.slice(last.tailEnd);
}
/** Removes rule `index`: its lines, the comments above it that belong to it, and the separator after it. */
function spliceRemoveRule(text, index) {
    if (text === undefined)
        return undefined;
    const l = layout(text);
    const item = l?.items[index];
    if (!l || !item)
        return undefined;
    const next = l.items[index + 1];
    if (next)
        return text.slice(0, item.lead) + text.slice(next.lead);
    const end = Math.min(text.length, item.tailEnd + 1);
    if (l.items.length === 1) {
        // The only rule: the list becomes `rules: []` (the one way to write an empty list).
        const keyLineEnd = lineEnd(text, l.pair.key.range[0]);
        const colon = text.indexOf(':', l.pair.key.range[1]);
        const rest = text.slice(colon + 1, keyLineEnd);
        const keyLine = text.slice(0, colon + 1) + ' []' + (rest.trim() ? ` ${rest.trim()}` : '');
        return keyLine + text.slice(keyLineEnd, item.lead) + text.slice(end);
    }
    // The last rule: also the blank lines that separated it from the rule before.
    let start = item.lead;
    const floor = l.items[index - 1].tailEnd + 1;
    for (let p = prevLine(text, start); p >= floor && isBlank(lineAt(text, p)); p = prevLine(text, p))
        start = p;
    return text.slice(0, start) + text.slice(end);
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/rules/load.ts + 1 modules
var load = __webpack_require__(2026);
;// CONCATENATED MODULE: ./src/rules/edit.ts







class ConcurrentEditError extends errors/* UserError */.yo {
    constructor(path) {
        super(`rule file ${path} was changed by another writer during the edit; nothing was written`, { exitCode: 1 });
    }
}
/** Opens a rule file; `starter` (a whole file's text) is used when it does not exist. */
async function openRulesDocument(path, opts = {}) {
    const target = await (0,atomic_write/* symlinkTarget */.vt)(path);
    let raw;
    try {
        raw = await (0,promises_.readFile)(target, 'utf8');
    }
    catch (err) {
        if (err.code !== 'ENOENT' || !opts.starter)
            throw new errors/* UserError */.yo(`cannot read rule file ${path}: ${(0,errors/* errorMessage */.gJ)(err)}`, { exitCode: errors/* EXIT */.dc.badInput });
        raw = null;
    }
    const source = raw ?? opts.starter();
    const bom = source.startsWith('\uFEFF');
    const unmarked = bom ? source.slice(1) : source;
    const crlf = (unmarked.match(/\r\n/g) ?? []).length;
    const lf = (unmarked.match(/\n/g) ?? []).length - crlf;
    const eol = crlf > 0 && crlf >= lf ? '\r\n' : '\n';
    const text = unmarked.replace(/\r\n/g, '\n');
    (0,load/* parseRules */.N)(text, path); // refuse to edit a file that is already invalid: the user fixes it first
    const doc = (0,dist/* parseDocument */.Tp)(text);
    const json = path.endsWith('.json');
    return { path, target, doc, json, text: json ? undefined : text, original: raw, eol, bom };
}
/** The rules as plain data, to look rules up. */
function rulesOf(d) {
    return (0,load/* parseRules */.N)(render(d), d.path);
}
const rulesJs = (d) => d.doc.toJS().rules ?? [];
/** Index of the rule with this id or (unique) name. */
function findRule(d, key) {
    const rules = rulesJs(d);
    const byId = rules.findIndex((r) => r.id === key);
    if (byId >= 0)
        return byId;
    const byName = rules.flatMap((r, i) => (r.name === key ? [i] : []));
    if (byName.length === 1)
        return byName[0];
    if (byName.length > 1)
        throw new errors/* UserError */.yo(`${byName.length} rules are named "${key}" in ${d.path}: use the id`, { exitCode: errors/* EXIT */.dc.badInput });
    throw new errors/* UserError */.yo(`no rule with id or name "${key}" in ${d.path}`, { exitCode: errors/* EXIT */.dc.badInput });
}
/** Names identify rules for `update NAME`, `rm NAME`…: an edit never makes two rules share one. */
function refuseDuplicateName(d, name, except) {
    if (typeof name !== 'string')
        return;
    const other = rulesJs(d).findIndex((r, i) => i !== except && r.name === name);
    if (other >= 0)
        throw new errors/* UserError */.yo(`a rule named "${name}" already exists in ${d.path} (rules[${other}], id ${rulesJs(d)[other].id}): choose another name`, {
            exitCode: errors/* EXIT */.dc.badInput,
        });
}
function addRule(d, rule) {
    refuseDuplicateName(d, rule.name);
    if (d.text !== undefined)
        d.text = spliceAddRule(d.text, rule);
    const rules = d.doc.get('rules', true);
    if (rules === undefined || rules === null || (!(0,dist/* isSeq */.oP)(rules) && rules.value === null))
        d.doc.set('rules', d.doc.createNode([rule]));
    else if ((0,dist/* isSeq */.oP)(rules))
        rules.add(d.doc.createNode(rule));
    else
        throw new errors/* UserError */.yo(`"rules" in ${d.path} is not a list`, { exitCode: errors/* EXIT */.dc.badInput });
    blockStyle(d);
}
// ---- anchors and aliases ------------------------------------------------------------------------
/** Anchors defined in `node`'s subtree. */
function anchorsIn(node) {
    const found = new Set();
    const note = (n) => {
        const anchor = n?.anchor;
        if (anchor)
            found.add(anchor);
    };
    note(node);
    if (node && typeof node === 'object')
        (0,dist/* visit */.YR)(node, { Node: (_k, n) => void note(n) });
    return found;
}
/** Anchors among `anchors` that an alias outside `node`'s subtree refers to. */
function usedOutside(d, node, anchors) {
    if (anchors.size === 0)
        return [];
    const used = new Set();
    (0,dist/* visit */.YR)(d.doc, {
        Node: (_k, n) => {
            if (n === node)
                return dist/* visit */.YR.SKIP;
            if ((0,dist/* isAlias */.Vj)(n) && anchors.has(n.source))
                used.add(n.source);
            return undefined;
        },
    });
    return [...used];
}
function refuseAnchored(d, node, what) {
    const used = usedOutside(d, node, anchorsIn(node));
    if (used.length > 0)
        throw new errors/* UserError */.yo(`${what} in ${d.path} defines the YAML anchor${used.length > 1 ? 's' : ''} ${used.map((a) => `&${a}`).join(', ')} that other parts of the file use (${used
            .map((a) => `*${a}`)
            .join(', ')}): editing it would change or break them. Nothing was written; edit that part of the file by hand.`, { exitCode: errors/* EXIT */.dc.badInput });
}
const ruleLabel = (d, index) => `rule "${rulesJs(d)[index]?.name ?? index}"`;
/** Sets (or, for undefined, removes) fields of rule `index`, in place. */
function updateRule(d, index, fields) {
    const node = d.doc.getIn(['rules', index], true);
    if (!(0,dist/* isMap */.jh)(node))
        throw new errors/* UserError */.yo(`rules[${index}] in ${d.path} is not a mapping (an alias or a list?): edit it by hand`, {
            exitCode: errors/* EXIT */.dc.badInput,
        });
    if ('name' in fields)
        refuseDuplicateName(d, fields.name, index);
    for (const key of Object.keys(fields)) {
        const pair = node.items.find((p) => p.key?.value === key);
        if (pair) {
            refuseAnchored(d, pair.value, `field ${key} of ${ruleLabel(d, index)}`);
            refuseAnchored(d, pair.key, `field ${key} of ${ruleLabel(d, index)}`);
        }
    }
    for (const [key, value] of Object.entries(fields)) {
        if (d.text !== undefined)
            d.text = spliceSetField(d.text, index, key, value);
        if (value === undefined)
            node.delete(key);
        else
            node.set(key, d.doc.createNode(value));
    }
    blockStyle(d);
}
function removeRule(d, index) {
    refuseAnchored(d, d.doc.getIn(['rules', index], true), ruleLabel(d, index));
    if (d.text !== undefined)
        d.text = spliceRemoveRule(d.text, index);
    d.doc.deleteIn(['rules', index]);
}
/** Re-rendered documents are block style too: the rules list and each rule (a `[]` list included). */
function blockStyle(d) {
    const rules = d.doc.get('rules', true);
    if (!(0,dist/* isSeq */.oP)(rules))
        return;
    rules.flow = false;
    for (const item of rules.items)
        if ((0,dist/* isMap */.jh)(item))
            item.flow = false;
}
function render(d) {
    if (d.json)
        return JSON.stringify(d.doc.toJS(), null, 2) + '\n';
    if (d.text !== undefined) {
        // The splice is kept only if it parses cleanly to exactly the edited document.
        const spliced = (0,dist/* parseDocument */.Tp)(d.text);
        if (spliced.errors.length === 0 && (0,external_node_util_.isDeepStrictEqual)(spliced.toJS(), d.doc.toJS()))
            return d.text;
    }
    return String(d.doc);
}
/**
 * Validates the edited document with the schema, then replaces the file atomically — unless it
 * changed since it was opened (ConcurrentEditError, nothing written).
 */
async function saveRulesDocument(d) {
    const text = render(d);
    const file = (0,load/* parseRules */.N)(text, d.path); // throws (exit 2) before anything is written
    await replaceFile(d, (d.bom ? '\uFEFF' : '') + (d.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text));
    return file;
}
/** util/atomic-write, as a compare-and-swap: the file must still be what the edit was made from. */
async function replaceFile(d, bytes) {
    try {
        await (0,atomic_write/* writeFileAtomic */.Zf)(d.target, bytes, { expected: d.original });
    }
    catch (err) {
        if (err instanceof atomic_write/* ContentChangedError */.m2)
            throw new ConcurrentEditError(d.path);
        throw new errors/* UserError */.yo(`cannot write rule file ${d.path}: ${(0,errors/* errorMessage */.gJ)(err)}`, { exitCode: errors/* EXIT */.dc.badInput });
    }
}
/** Writes a whole new rule file (`alerts init`), validated first, under the lock; `replace` allows an existing one. */
async function writeRulesFile(path, text, opts) {
    const file = (0,load/* parseRules */.N)(text, path);
    const target = await (0,atomic_write/* symlinkTarget */.vt)(path);
    const unlock = await lock({ path, target });
    try {
        const original = await (0,atomic_write/* readTextIfExists */.TP)(target);
        if (original !== null && !opts.replace)
            throw new errors/* UserError */.yo(`${path} already exists: edit it with \`apialerts alerts add|update|rm\`, or pass --force`, {
                exitCode: errors/* EXIT */.dc.badInput,
            });
        await replaceFile({ path, target, original }, text);
        return file;
    }
    finally {
        await unlock();
    }
}
// ---- serialised edits ---------------------------------------------------------------------------
const CAS_ATTEMPTS = 5;
/** Takes the rule file's lock (util/atomic-write lockFile: `<target>.lock`, waiting for another editor up to 30 s). */
async function lock(d) {
    try {
        return await (0,atomic_write/* lockFile */.Ke)(d.target);
    }
    catch (err) {
        if (err instanceof atomic_write/* LockBusyError */.Bx)
            throw new errors/* UserError */.yo(`rule file ${d.path} is being edited by another process (lock ${err.lockPath}${err.pid ? `, pid ${err.pid}` : ''}); try again`, { exitCode: 1 });
        throw new errors/* UserError */.yo(`cannot lock rule file ${d.path} (${d.target}.lock): ${(0,errors/* errorMessage */.gJ)(err)}`, { exitCode: errors/* EXIT */.dc.badInput });
    }
}
/**
 * Opens, edits and saves a rule file under its lock. `edit` may run more than once (when another
 * writer changed the file meanwhile), so it only edits the document; act on its result afterwards.
 */
async function editRulesFile(path, edit, opts = {}) {
    const unlock = await lock({ path, target: await (0,atomic_write/* symlinkTarget */.vt)(path) });
    try {
        for (let attempt = 1;; attempt++) {
            const d = await openRulesDocument(path, opts);
            const result = await edit(d);
            try {
                return { result, file: await saveRulesDocument(d), created: d.original === null };
            }
            catch (err) {
                if (!(err instanceof ConcurrentEditError) || attempt >= CAS_ATTEMPTS)
                    throw err;
            }
        }
    }
    finally {
        await unlock();
    }
}


/***/ }),

/***/ 2026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ loadRules),
  N: () => (/* binding */ parseRules)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/read-file.ts
var read_file = __webpack_require__(5201);
// EXTERNAL MODULE: ./src/rules/schema.ts
var schema = __webpack_require__(7776);
;// CONCATENATED MODULE: ./src/rules/yaml-subset.ts
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
class OutsideSubset extends Error {
}
const outside = () => {
    throw new OutsideSubset();
};
/** The plain name starting at `p`, or undefined. */
function keyAt(line, p) {
    KEY.lastIndex = p;
    const m = KEY.exec(line);
    return m === null ? undefined : m[0];
}
/** The data of `text` when it is inside the subset, else undefined (read it with the `yaml` package). */
function readYamlSubset(text) {
    if (OUTSIDE.test(text) || LONE_SURROGATE.test(text))
        return undefined;
    try {
        const reader = new Reader(text);
        return reader.document();
    }
    catch (err) {
        if (err instanceof OutsideSubset)
            return undefined;
        throw err;
    }
}
/** The core schema's resolution of a plain scalar (node_modules/yaml/dist/schema/core, in its order). */
function resolvePlain(s) {
    const c = s.charCodeAt(0);
    // A plain scalar that starts with a letter other than n N t T f F is a string (the common case).
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        if (c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70)
            return s;
    }
    if (/^(?:~|[Nn]ull|NULL)?$/.test(s))
        return null;
    if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s))
        return s[0] === 't' || s[0] === 'T';
    if (/^0o[0-7]+$/.test(s))
        return parseInt(s.substring(2), 8);
    if (/^[-+]?[0-9]+$/.test(s))
        return parseInt(s, 10);
    if (/^0x[0-9a-fA-F]+$/.test(s))
        return parseInt(s.substring(2), 16);
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
        return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s))
        return parseFloat(s);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
        return parseFloat(s);
    return s;
}
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
/** Whether a plain scalar may start with this character (YAML 1.2: not an indicator, `-?:` only before a non-space). */
function plainStart(line, p) {
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
    lines;
    /** Per line: the column where its content starts (a sequence item's `- ` counts as indentation). */
    indent;
    /** The current line (always a significant one: not blank, not a comment line), or lines.length. */
    i = 0;
    constructor(text) {
        this.lines = text.split('\n');
        this.indent = new Array(this.lines.length);
        for (let k = 0; k < this.lines.length; k++) {
            const line = this.lines[k];
            let p = 0;
            while (line.charCodeAt(p) === SPACE)
                p++;
            // Blank and comment lines: -1, skipped wherever they are.
            this.indent[k] = p === line.length || line.charCodeAt(p) === HASH ? -1 : p;
            if (p === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')))
                outside();
        }
        this.skip();
    }
    skip() {
        while (this.i < this.lines.length && this.indent[this.i] === -1)
            this.i++;
    }
    next() {
        this.i++;
        this.skip();
    }
    get done() {
        return this.i >= this.lines.length;
    }
    document() {
        // The top level of a rule file is a block mapping at column 0; anything else is read by the yaml package.
        if (this.done || this.indent[this.i] !== 0)
            outside();
        const data = this.blockMap(0);
        if (!this.done)
            outside();
        return data;
    }
    isSeqItem(k) {
        const line = this.lines[k];
        const p = this.indent[k];
        return line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE);
    }
    blockMap(indent) {
        const map = {};
        while (!this.done) {
            const at = this.indent[this.i];
            if (at < indent)
                break;
            if (at > indent || this.isSeqItem(this.i))
                outside();
            const line = this.lines[this.i];
            const key = keyAt(line, at);
            if (key === undefined)
                return outside();
            let p = at + key.length;
            if (key.length > 1000 || NOT_STRING_KEYS.has(key) || Object.hasOwn(map, key) || line.charCodeAt(p) !== COLON)
                outside();
            p++;
            if (p < line.length && line.charCodeAt(p) !== SPACE)
                outside();
            while (line.charCodeAt(p) === SPACE)
                p++;
            if (p === line.length || line.charCodeAt(p) === HASH) {
                // `key:` alone: a nested block (deeper, or a sequence at the key's own column), else null.
                this.next();
                if (!this.done && this.indent[this.i] > indent) {
                    map[key] = this.isSeqItem(this.i) ? this.blockSeq(this.indent[this.i]) : this.blockMap(this.indent[this.i]);
                }
                else if (!this.done && this.indent[this.i] === indent && this.isSeqItem(this.i)) {
                    map[key] = this.blockSeq(indent);
                }
                else
                    map[key] = null;
                continue;
            }
            map[key] = this.inlineValue(line, p);
            this.next();
            // A deeper line after a value would continue a multi-line scalar (or be an error): not the subset.
            if (!this.done && this.indent[this.i] > indent)
                outside();
        }
        return map;
    }
    blockSeq(indent) {
        const seq = [];
        while (!this.done) {
            const at = this.indent[this.i];
            if (at < indent)
                break;
            if (at > indent)
                outside();
            if (!this.isSeqItem(this.i))
                break; // the parent mapping's next key, at the same column
            const line = this.lines[this.i];
            let p = at + 1;
            while (line.charCodeAt(p) === SPACE)
                p++;
            if (p === line.length || line.charCodeAt(p) === HASH)
                outside();
            if (line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE))
                outside();
            if (this.startsCompactMap(line, p)) {
                // `- key: …`: a mapping whose column is the key's; the dash counts as indentation.
                this.indent[this.i] = p;
                seq.push(this.blockMap(p));
                continue;
            }
            seq.push(this.inlineValue(line, p));
            this.next();
            if (!this.done && this.indent[this.i] > indent)
                outside();
        }
        return seq;
    }
    /** `name:` followed by a space or the end of the line. */
    startsCompactMap(line, p) {
        const key = keyAt(line, p);
        if (key === undefined)
            return false;
        const q = p + key.length;
        return line.charCodeAt(q) === COLON && (q + 1 === line.length || line.charCodeAt(q + 1) === SPACE);
    }
    /** A value that starts at `p` and ends the line (an optional ` # comment` after it). */
    inlineValue(line, p) {
        const c = line.charCodeAt(p);
        let value;
        let end;
        if (c === 34 || c === 39 || c === 91 || c === 123) {
            [value, end] = flowValue(line, p);
            let q = end;
            while (line.charCodeAt(q) === SPACE)
                q++;
            if (q < line.length && !(line.charCodeAt(q) === HASH && q > end))
                outside();
            return value;
        }
        if (!plainStart(line, p))
            outside();
        // A block plain scalar runs to the end of the line or a ` #` comment.
        const hash = line.indexOf(' #', p);
        const s = trimSpaces(hash === -1 ? line.slice(p) : line.slice(p, hash));
        if (s.includes(': ') || s.endsWith(':'))
            outside();
        return resolvePlain(s);
    }
}
/** A scalar or flow collection in flow context (or a quoted scalar / flow in block context), on one line: [value, end]. */
function flowValue(line, p) {
    const c = line.charCodeAt(p);
    if (c === 34) {
        // Double-quoted without escapes.
        const close = line.indexOf('"', p + 1);
        if (close === -1)
            outside();
        const s = line.slice(p + 1, close);
        if (s.includes('\\'))
            outside();
        return [s, close + 1];
    }
    if (c === 39) {
        let s = '';
        let q = p + 1;
        for (;;) {
            const close = line.indexOf("'", q);
            if (close === -1)
                outside();
            s += line.slice(q, close);
            if (line.charCodeAt(close + 1) === 39) {
                s += "'";
                q = close + 2;
            }
            else
                return [s, close + 1];
        }
    }
    if (c === 91) {
        const seq = [];
        let q = skipSpaces(line, p + 1);
        if (line.charCodeAt(q) === 93)
            return [seq, q + 1];
        for (;;) {
            const [v, end] = flowItem(line, q);
            seq.push(v);
            q = skipSpaces(line, end);
            const d = line.charCodeAt(q);
            if (d === 93)
                return [seq, q + 1];
            if (d !== 44)
                outside();
            q = skipSpaces(line, q + 1);
            if (line.charCodeAt(q) === 93)
                outside(); // a trailing comma
        }
    }
    if (c === 123) {
        const map = {};
        let q = skipSpaces(line, p + 1);
        if (line.charCodeAt(q) === 125)
            return [map, q + 1];
        for (;;) {
            let key;
            if (line.charCodeAt(q) === 34) {
                const [k, end] = flowValue(line, q);
                key = k;
                if (line.charCodeAt(end) !== COLON)
                    outside();
                q = end + 1;
            }
            else {
                const k = keyAt(line, q);
                if (k === undefined)
                    return outside();
                key = k;
                q += key.length;
                if (line.charCodeAt(q) !== COLON || line.charCodeAt(q + 1) !== SPACE)
                    outside();
                q++;
            }
            if (key.length > 1000 || NOT_STRING_KEYS.has(key) || Object.hasOwn(map, key))
                outside();
            q = skipSpaces(line, q);
            const [v, end] = flowItem(line, q);
            map[key] = v;
            q = skipSpaces(line, end);
            const d = line.charCodeAt(q);
            if (d === 125)
                return [map, q + 1];
            if (d !== 44)
                outside();
            q = skipSpaces(line, q + 1);
            if (line.charCodeAt(q) === 125)
                outside(); // a trailing comma
        }
    }
    return outside();
}
/** An item of a flow collection: a quoted scalar, a flow collection, or a plain scalar without `:` or `#`. */
function flowItem(line, p) {
    const c = line.charCodeAt(p);
    if (c === 34 || c === 39 || c === 91 || c === 123)
        return flowValue(line, p);
    if (p >= line.length || !plainStart(line, p))
        outside();
    let q = p;
    for (; q < line.length; q++) {
        const d = line.charCodeAt(q);
        if (d === 44 || d === 93 || d === 125 || d === 91 || d === 123)
            break;
        if (d === COLON || d === HASH)
            outside();
    }
    const s = trimSpaces(line.slice(p, q));
    if (s === '')
        outside();
    return [resolvePlain(s), q];
}
function skipSpaces(line, p) {
    while (line.charCodeAt(p) === SPACE)
        p++;
    return p;
}
/** Trailing spaces off (only spaces: YAML does not trim other whitespace, and tabs are outside the subset). */
function trimSpaces(s) {
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) === SPACE)
        end--;
    return end === s.length ? s : s.slice(0, end);
}

;// CONCATENATED MODULE: ./src/rules/load.ts





/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
async function loadRules(path) {
    return parseRules(await (0,read_file/* readInputFile */.j)(path, 'rule file', 'utf8'), path);
}
function parseRules(text, path) {
    let data;
    try {
        data = readYaml(text);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`rule file ${path} is not valid YAML/JSON: ${err.message}`, { exitCode: errors/* EXIT */.dc.badInput });
    }
    const parsed = schema/* RulesFileSchema */.FE.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const lines = parsed.error.issues.map((issue) => `  - ${describePath(issue.path, data)}: ${describeIssue(issue)}`);
    throw new errors/* UserError */.yo(`rule file ${path} is invalid:\n${lines.join('\n')}`, { exitCode: errors/* EXIT */.dc.badInput });
}
/**
 * The file's data. A file in the plain subset rule files are written in (src/rules/yaml-subset.ts) is
 * read by the fast reader, whose data is exactly the `yaml` package's (~10× faster on 10,000 rules,
 * docs/performance-evaluate.md). Any other file goes to the `yaml` package: a clean one is read
 * without `prettyErrors` (its per-node source tracking costs ~20% of the parse); a file with any error
 * or warning is read again with the original options, so what is printed or thrown is exactly what it
 * always was.
 */
function readYaml(text) {
    const fast = readYamlSubset(text);
    if (fast !== undefined)
        return fast;
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0 || doc.warnings.length > 0)
        return (0,dist/* parse */.qg)(text, { prettyErrors: true, uniqueKeys: true });
    return doc.toJS();
}
/** `rules[2] "High Error Rate" → threshold` rather than `rules.2.threshold`. */
function describePath(path, data) {
    if (path.length === 0)
        return '(top level)';
    const [head, index, ...rest] = path;
    if ((head === 'rules' || head === 'sources') && typeof index === 'number') {
        const item = data?.[head]?.[index];
        const name = typeof item?.name === 'string' ? ` "${item.name}"` : '';
        return `${head}[${index}]${name}${rest.length ? ` → ${rest.join('.')}` : ''}`;
    }
    return path.map(String).join('.');
}
function describeIssue(issue) {
    if (issue.code === 'unrecognized_keys')
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return issue.message;
}


/***/ })

};
