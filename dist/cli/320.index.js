export const id = 320;
export const ids = [320];
export const modules = {

/***/ 4320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadState: () => (/* binding */ loadState),
  pruneState: () => (/* binding */ pruneState),
  saveState: () => (/* binding */ saveState)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(4377);
;// CONCATENATED MODULE: ./src/state/schema.ts

/**
 * The state carried between scheduled runs (one JSON file). Holds no secrets and
 * no webhook URLs (only their SHA-256, so a changed URL is noticed and re-enables delivery).
 */
const WebhookStateSchema = schemas/* object */.Ikc({
    url_sha256: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
    active: schemas/* boolean */.zMY(),
    consecutive_failures: schemas/* number */.aig().int().min(0),
    disabled_at: iso/* datetime */.w$().nullable().default(null),
})
    .strict();
const RuleStateSchema = schemas/* object */.Ikc({
    last_triggered_at: iso/* datetime */.w$().nullable(),
})
    .strict();
const StateSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    /** The last evaluation tick completed; the next run catches up from here. */
    last_evaluated_at: iso/* datetime */.w$().nullable(),
    rules: schemas/* record */.g1P(schemas/* uuid */.uRe(), RuleStateSchema),
    webhooks: schemas/* record */.g1P(schemas/* uuid */.uRe(), WebhookStateSchema),
})
    .strict();
const emptyState = () => ({ version: 1, last_evaluated_at: null, rules: {}, webhooks: {} });

;// CONCATENATED MODULE: ./src/state/store.ts





/**
 * Reads the state file. A missing file is an empty state (first run, or an evicted cache);
 * an unreadable or invalid one is an error that leaves the file as it is, never a silent reset,
 * since a reset would forget last_triggered_at and re-fire every rule.
 */
async function loadState(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return emptyState();
        throw new errors/* UserError */.y(`cannot read state file ${path}: ${err.message}`, { exitCode: 2, cause: err });
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* UserError */.y(`state file ${path} is not valid JSON (${err.message}); it was left untouched — fix or delete it`, {
            exitCode: 2,
        });
    }
    const parsed = StateSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        throw new errors/* UserError */.y(`state file ${path} is invalid at ${where}: ${issue?.message ?? 'unknown problem'}; it was left untouched — fix or delete it`, {
            exitCode: 2,
        });
    }
    return parsed.data;
}
/**
 * Writes the state atomically: a temp file in the same directory, flushed, then renamed over the
 * old one, so a crash leaves either the old state or the new one, never half a file.
 */
async function saveState(path, state) {
    const valid = StateSchema.parse(state);
    const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,promises_.open)(tmp, 'wx', 0o600);
    try {
        await handle.writeFile(JSON.stringify(valid, null, 2) + '\n', 'utf8');
        await handle.sync();
    }
    catch (err) {
        await handle.close();
        await (0,promises_.rm)(tmp, { force: true });
        throw err;
    }
    await handle.close();
    try {
        await (0,promises_.rename)(tmp, path);
    }
    catch (err) {
        await (0,promises_.rm)(tmp, { force: true });
        throw err;
    }
}
/** Drops the state of rules no longer in the file; a renamed rule keeps its state (keyed by id). */
function pruneState(state, ruleIds) {
    const keep = new Set(ruleIds);
    const pick = (record) => Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)));
    return { ...state, rules: pick(state.rules), webhooks: pick(state.webhooks) };
}


/***/ })

};
