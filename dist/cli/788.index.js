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
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/rules/load.ts
var load = __webpack_require__(1879);
;// CONCATENATED MODULE: ./src/rules/edit.ts










class ConcurrentEditError extends errors/* UserError */.yo {
    constructor(path) {
        super(`rule file ${path} was changed by another writer during the edit; nothing was written`, { exitCode: 1 });
    }
}
async function resolveTarget(path) {
    try {
        return await (0,promises_.realpath)(path);
    }
    catch {
        // A new file, or a dangling symlink: write where the path points.
        return (0,external_node_path_.resolve)(path);
    }
}
/** Opens a rule file; `starter` (a whole file's text) is used when it does not exist. */
async function openRulesDocument(path, opts = {}) {
    const target = await resolveTarget(path);
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
/** util/atomic-write (temp file beside the target, fsync, rename; mode and owner kept), as a compare-and-swap. */
async function replaceFile(d, bytes) {
    try {
        await (0,atomic_write/* writeFileAtomic */.q)(d.target, bytes, {
            beforeRename: async () => {
                // Compare-and-swap: the file must still be what the edit was made from.
                const current = await (0,promises_.readFile)(d.target, 'utf8').catch((err) => err.code === 'ENOENT' ? null : Promise.reject(err));
                if (current !== d.original)
                    throw new ConcurrentEditError(d.path);
            },
        });
    }
    catch (err) {
        if (err instanceof ConcurrentEditError || err instanceof errors/* UserError */.yo)
            throw err;
        throw new errors/* UserError */.yo(`cannot write rule file ${d.path}: ${(0,errors/* errorMessage */.gJ)(err)}`, { exitCode: errors/* EXIT */.dc.badInput });
    }
}
/** Writes a whole new rule file (`alerts init`), validated first, under the lock; `replace` allows an existing one. */
async function writeRulesFile(path, text, opts) {
    const file = (0,load/* parseRules */.N)(text, path);
    const target = await resolveTarget(path);
    const unlock = await lock({ path, target });
    try {
        const original = await (0,promises_.readFile)(target, 'utf8').catch((err) => err.code === 'ENOENT' ? null : Promise.reject(err));
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
const LOCK_WAIT_MS = 30_000;
const CAS_ATTEMPTS = 5;
const alive = (pid) => {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
};
/** Takes `<target>.lock` (O_EXCL), waiting for another editor; a lock left by a dead process on this host is taken over. */
async function lock(d) {
    const lockPath = `${d.target}.lock`;
    const me = `${process.pid} ${(0,external_node_os_.hostname)()}\n`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 5;; wait = Math.min(wait * 2, 200)) {
        try {
            const h = await (0,promises_.open)(lockPath, 'wx', 0o644);
            await h.writeFile(me);
            await h.close();
            return async () => {
                if ((await (0,promises_.readFile)(lockPath, 'utf8').catch(() => '')) === me)
                    await (0,promises_.unlink)(lockPath).catch(() => { });
            };
        }
        catch (err) {
            if (err.code !== 'EEXIST')
                throw new errors/* UserError */.yo(`cannot lock rule file ${d.path} (${lockPath}): ${(0,errors/* errorMessage */.gJ)(err)}`, { exitCode: errors/* EXIT */.dc.badInput });
        }
        const holder = await (0,promises_.readFile)(lockPath, 'utf8').catch(() => '');
        const [pid, host] = holder.trim().split(' ');
        if (holder.endsWith('\n') && host === (0,external_node_os_.hostname)() && !alive(Number(pid))) {
            // Stale: remove it only if it is still the same lock, then try again at once.
            if ((await (0,promises_.readFile)(lockPath, 'utf8').catch(() => '')) === holder)
                await (0,promises_.unlink)(lockPath).catch(() => { });
            continue;
        }
        if (Date.now() > deadline)
            throw new errors/* UserError */.yo(`rule file ${d.path} is being edited by another process (lock ${lockPath}${pid ? `, pid ${pid}` : ''}); try again`, { exitCode: 1 });
        await (0,sleep/* sleep */.y)(wait + Math.floor(Math.random() * wait));
    }
}
/**
 * Opens, edits and saves a rule file under its lock. `edit` may run more than once (when another
 * writer changed the file meanwhile), so it only edits the document; act on its result afterwards.
 */
async function editRulesFile(path, edit, opts = {}) {
    const unlock = await lock({ path, target: await resolveTarget(path) });
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

/***/ 1879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ loadRules),
/* harmony export */   N: () => (/* binding */ parseRules)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_read_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5201);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7776);




/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
async function loadRules(path) {
    return parseRules(await (0,_util_read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputFile */ .j)(path, 'rule file', 'utf8'), path);
}
function parseRules(text, path) {
    let data;
    try {
        data = readYaml(text);
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`rule file ${path} is not valid YAML/JSON: ${err.message}`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.badInput });
    }
    const parsed = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RulesFileSchema */ .FE.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const lines = parsed.error.issues.map((issue) => `  - ${describePath(issue.path, data)}: ${describeIssue(issue)}`);
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`rule file ${path} is invalid:\n${lines.join('\n')}`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .dc.badInput });
}
/**
 * The file's data. A clean file (the usual case) is read without `prettyErrors`, whose
 * per-node source tracking costs ~20% of parsing a file of 10,000 rules (bench:rules); a file with
 * any error or warning is read again with the original options, so what is printed or thrown is
 * exactly what it always was.
 */
function readYaml(text) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0 || doc.warnings.length > 0)
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { prettyErrors: true, uniqueKeys: true });
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
