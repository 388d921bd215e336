export const id = 788;
export const ids = [788];
export const modules = {

/***/ 9788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addRule: () => (/* binding */ addRule),
  findRule: () => (/* binding */ findRule),
  openRulesDocument: () => (/* binding */ openRulesDocument),
  removeRule: () => (/* binding */ removeRule),
  rulesOf: () => (/* binding */ rulesOf),
  saveRulesDocument: () => (/* binding */ saveRulesDocument),
  updateRule: () => (/* binding */ updateRule)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/rules/splice.ts

/**
 * Minimal text edits of a YAML rule file: only the lines an edit touches change. Each function
 * returns undefined when the layout is one it does not handle (flow-style rules, an empty list, …);
 * the caller then re-renders the whole document instead. The caller checks the result's meaning.
 */
/** A value as YAML on one line: plain scalars where safe, JSON-quoted strings otherwise, flow lists. */
function inlineYaml(value) {
    if (Array.isArray(value))
        return `[${value.map(inlineYaml).join(', ')}]`;
    if (typeof value === 'string') {
        // `@` and backtick are reserved as a first character; any parse error means quote it.
        const parsed = (0,dist/* parseDocument */.Tp)(value);
        const plain = /^[A-Za-z0-9_./+][A-Za-z0-9_ ./@+:-]*$/.test(value) && !/: |\s$| #/.test(value) && parsed.errors.length === 0 && parsed.toJS() === value;
        return plain ? value : JSON.stringify(value);
    }
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return JSON.stringify(value);
}
const lineStart = (text, at) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text, at) => {
    const n = text.indexOf('\n', at);
    return n < 0 ? text.length : n;
};
/** End of the last non-blank line a node covers (node ranges may run on over trailing blank lines). */
function contentEnd(text, node) {
    let end = Math.min(text.length, node.range[2]);
    while (end > 0 && /\s/.test(text[end - 1]))
        end--;
    return lineEnd(text, end);
}
function rulesSeq(text) {
    const rules = (0,dist/* parseDocument */.Tp)(text).get('rules', true);
    return (0,dist/* isSeq */.oP)(rules) && !rules.flow ? rules : undefined;
}
function ruleMap(text, index) {
    const item = rulesSeq(text)?.items[index];
    return (0,dist/* isMap */.jh)(item) && !item.flow ? item : undefined;
}
/** Sets (value) or removes (undefined) one field of rule `index`. */
function spliceSetField(text, index, key, value) {
    if (text === undefined)
        return undefined;
    const map = ruleMap(text, index);
    if (!map || map.items.length === 0)
        return undefined;
    const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === key);
    if (pair) {
        const keyEnd = pair.key.range?.[1];
        const valueEnd = pair.value?.range?.[1];
        const nodeEnd = pair.value?.range?.[2];
        if (keyEnd === undefined || valueEnd === undefined || nodeEnd === undefined)
            return undefined;
        if (value === undefined) {
            // Remove the pair's whole lines (key line through the end of its value and trailing comment).
            const start = lineStart(text, pair.key.range[0]);
            const end = Math.min(text.length, contentEnd(text, pair.value) + 1);
            return text.slice(0, start) + text.slice(end);
        }
        // Replace `: old value` (which may span lines) by `: new value`, keeping a trailing comment.
        const colon = text.indexOf(':', keyEnd);
        return text.slice(0, colon) + `: ${inlineYaml(value)}` + text.slice(valueEnd);
    }
    if (value === undefined)
        return text;
    // A new field: a line after the rule's last one, at the indentation of its first key.
    const first = map.items[0].key;
    const last = map.items[map.items.length - 1];
    const indent = first.range[0] - lineStart(text, first.range[0]);
    if (!last.value?.range)
        return undefined;
    const after = contentEnd(text, last.value);
    return text.slice(0, after) + `\n${' '.repeat(indent)}${key}: ${inlineYaml(value)}` + text.slice(after);
}
/** Appends a rule to the block list `rules:`, in the style of the existing items. */
function spliceAddRule(text, rule) {
    if (text === undefined)
        return undefined;
    const seq = rulesSeq(text);
    const items = seq?.items ?? [];
    if (!seq || items.length === 0)
        return undefined;
    const firstStart = items[0].range[0];
    const dash = text.lastIndexOf('-', firstStart);
    const dashIndent = dash - lineStart(text, dash);
    const keyIndent = firstStart - lineStart(text, firstStart);
    if (dash < lineStart(text, firstStart))
        return undefined;
    const lines = Object.entries(rule).map(([k, v], i) => `${i === 0 ? `${' '.repeat(dashIndent)}-${' '.repeat(keyIndent - dashIndent - 1)}` : ' '.repeat(keyIndent)}${k}: ${inlineYaml(v)}`);
    const last = items[items.length - 1];
    const end = contentEnd(text, last);
    return text.slice(0, end) + '\n' + lines.join('\n') + text.slice(end);
}
/** Removes rule `index` (its lines, from its dash to the line before the next rule). */
function spliceRemoveRule(text, index) {
    if (text === undefined)
        return undefined;
    const seq = rulesSeq(text);
    const item = seq?.items[index];
    if (!seq || !item?.range || seq.items.length < 2)
        return undefined;
    const start = lineStart(text, item.range[0]);
    const next = seq.items[index + 1];
    const end = next?.range ? lineStart(text, next.range[0]) : Math.min(text.length, contentEnd(text, item) + 1);
    return text.slice(0, start) + text.slice(end);
}

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/rules/load.ts
var load = __webpack_require__(1879);
;// CONCATENATED MODULE: ./src/rules/edit.ts








async function openRulesDocument(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        throw new errors/* UserError */.y(`cannot read rule file ${path}: ${(0,errors/* errorMessage */.g)(err)}`, { exitCode: 2 });
    }
    (0,load/* parseRules */.N)(text, path); // refuse to edit a file that is already invalid: the user fixes it first
    const doc = (0,dist/* parseDocument */.Tp)(text);
    const json = path.endsWith('.json');
    return { path, doc, json, text: json ? undefined : text };
}
/** The rules as plain data, to look rules up. */
function rulesOf(d) {
    return (0,load/* parseRules */.N)(render(d), d.path);
}
/** Index of the rule with this id or (unique) name. */
function findRule(d, key) {
    const rules = d.doc.toJS().rules ?? [];
    const byId = rules.findIndex((r) => r.id === key);
    if (byId >= 0)
        return byId;
    const byName = rules.flatMap((r, i) => (r.name === key ? [i] : []));
    if (byName.length === 1)
        return byName[0];
    if (byName.length > 1)
        throw new errors/* UserError */.y(`${byName.length} rules are named "${key}" in ${d.path}: use the id`, { exitCode: 2 });
    throw new errors/* UserError */.y(`no rule with id or name "${key}" in ${d.path}`, { exitCode: 2 });
}
function addRule(d, rule) {
    if (d.text !== undefined)
        d.text = spliceAddRule(d.text, rule);
    const rules = d.doc.get('rules');
    if (rules === undefined || rules === null)
        d.doc.set('rules', d.doc.createNode([rule]));
    else if ((0,dist/* isSeq */.oP)(rules))
        rules.add(d.doc.createNode(rule));
    else
        throw new errors/* UserError */.y(`"rules" in ${d.path} is not a list`, { exitCode: 2 });
}
/** Sets (or, for undefined, removes) fields of rule `index`, in place. */
function updateRule(d, index, fields) {
    const node = d.doc.getIn(['rules', index]);
    if (!(0,dist/* isMap */.jh)(node))
        throw new errors/* UserError */.y(`rules[${index}] in ${d.path} is not a mapping`, { exitCode: 2 });
    for (const [key, value] of Object.entries(fields)) {
        if (d.text !== undefined)
            d.text = spliceSetField(d.text, index, key, value);
        if (value === undefined)
            node.delete(key);
        else
            node.set(key, d.doc.createNode(value));
    }
}
function removeRule(d, index) {
    if (d.text !== undefined)
        d.text = spliceRemoveRule(d.text, index);
    d.doc.deleteIn(['rules', index]);
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
/** Validates the edited document with the schema, then replaces the file atomically. */
async function saveRulesDocument(d) {
    const text = render(d);
    const file = (0,load/* parseRules */.N)(text, d.path); // throws (exit 2) before anything is written
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(d.path), `.${(0,external_node_path_.basename)(d.path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,promises_.open)(tmp, 'wx', 0o644);
    try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
        await handle.close();
        await (0,promises_.rename)(tmp, d.path);
    }
    catch (err) {
        await handle.close().catch(() => { });
        await (0,promises_.rm)(tmp, { force: true });
        throw err;
    }
    return file;
}


/***/ }),

/***/ 1879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ loadRules),
/* harmony export */   N: () => (/* binding */ parseRules)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7776);




/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
async function loadRules(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`cannot read rule file ${path}: ${err.message}`, { exitCode: 2, cause: err });
    }
    return parseRules(text, path);
}
function parseRules(text, path) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text, { prettyErrors: true, uniqueKeys: true });
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`rule file ${path} is not valid YAML/JSON: ${err.message}`, { exitCode: 2 });
    }
    const parsed = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RulesFileSchema */ .FE.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const lines = parsed.error.issues.map((issue) => `  - ${describePath(issue.path, data)}: ${describeIssue(issue)}`);
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`rule file ${path} is invalid:\n${lines.join('\n')}`, { exitCode: 2 });
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
