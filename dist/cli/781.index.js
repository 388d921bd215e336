export const id = 781;
export const ids = [781,320];
export const modules = {

/***/ 8781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runEvaluation: () => (/* binding */ runEvaluation)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/logs/provider.ts + 3 modules
var logs_provider = __webpack_require__(1622);
// EXTERNAL MODULE: ./src/rules/load.ts
var load = __webpack_require__(1879);
// EXTERNAL MODULE: ./src/state/store.ts + 1 modules
var store = __webpack_require__(4320);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/evaluate/count-and-decide.ts + 1 modules
var count_and_decide = __webpack_require__(5118);
// EXTERNAL MODULE: ./src/model/time.ts
var time = __webpack_require__(816);
// EXTERNAL MODULE: ./src/evaluate/sources.ts
var evaluate_sources = __webpack_require__(8061);
;// CONCATENATED MODULE: ./src/evaluate/ticks.ts
const MINUTE = 60_000;
/**
 * Which ticks a run evaluates. Ticks sit on the UTC grid of `intervalMinutes`; a run covers every tick
 * after the watermark up to the last one at or before `nowMs`, because scheduled runs are delayed and
 * dropped. Catch-up goes back at most `maxCatchupMinutes`; a first run (no watermark) evaluates only
 * the latest tick.
 */
function planTicks(watermarkMs, nowMs, intervalMinutes, maxCatchupMinutes) {
    const step = intervalMinutes * MINUTE;
    const last = Math.floor(nowMs / step) * step;
    if (watermarkMs === null)
        return { ticks: [last], skipped: 0 };
    const first = Math.floor(watermarkMs / step) * step + step;
    if (first > last)
        return { ticks: [], skipped: 0 };
    const oldestAllowed = last - Math.floor((maxCatchupMinutes * MINUTE) / step) * step;
    const start = Math.max(first, oldestAllowed);
    const ticks = [];
    for (let t = start; t <= last; t += step)
        ticks.push(t);
    return { ticks, skipped: (start - first) / step };
}

;// CONCATENATED MODULE: ./src/evaluate/run.ts









/**
 * One scheduled evaluation: every tick since the watermark (bounded catch-up), decided with the seed's
 * rule, handed to delivery, then the state saved atomically.
 *
 * Delivery is at-least-once: state is saved only after delivery returns, so a run that dies between
 * deciding and saving leaves the old state, and the next run decides (and delivers) those ticks again.
 * A fire that could not be delivered still sets last_triggered_at (as the seed does); the webhook's
 * failure counter, not a re-fire, is what tracks a failing receiver.
 */
async function runEvaluation(opts) {
    const loaded = await (0,load/* loadRules */.A)(opts.rulesPath);
    const file = opts.allowPrivateTargets
        ? { ...loaded, delivery: { ...loaded.delivery, allow_private_targets: true } }
        : loaded;
    const fromArgs = opts.logs && opts.logs.length > 0;
    const sources = fromArgs ? (0,evaluate_sources/* sourcesFromArgs */.Q)(opts.logs) : file.sources;
    const state = await (0,store.loadState)(opts.statePath);
    const nowMs = (opts.now ?? new Date()).getTime();
    if (!Number.isFinite(nowMs))
        throw new errors/* UserError */.y('the evaluation time (now) is not a valid date', { exitCode: 2 });
    const watermark = state.last_evaluated_at === null ? null : Date.parse(state.last_evaluated_at);
    if (watermark !== null && watermark > nowMs)
        throw new errors/* UserError */.y(`state file ${opts.statePath} was last evaluated at ${state.last_evaluated_at}, after the evaluation time ${(0,time/* isoSeconds */.n)(nowMs)}; ` +
            'pass a later --now or use another state file (it was left untouched)', { exitCode: 2 });
    const plan = planTicks(watermark, nowMs, file.evaluation.interval_minutes, file.evaluation.max_catchup_minutes);
    const provider = (0,logs_provider/* createCountProvider */.P)(sources, { baseDir: (0,external_node_path_.dirname)((0,external_node_path_.resolve)(opts.rulesPath)), env: opts.env, onProgress: opts.onProgress });
    const lastTriggered = (id) => {
        const at = state.rules[id]?.last_triggered_at;
        return at ? Date.parse(at) : null;
    };
    const evaluated = await (0,count_and_decide/* evaluateTicks */._)(file.rules, plan.ticks, provider, lastTriggered, { ignoreRuleSources: fromArgs });
    const report = {
        project: file.project,
        ticks: plan.ticks.map(time/* isoSeconds */.n),
        skippedTicks: plan.skipped,
        rules: evaluated.rules,
        decisions: evaluated.decisions,
        outcomes: [],
        stats: evaluated.stats,
        dryRun: opts.dryRun,
        stateSaved: false,
    };
    if (opts.dryRun)
        return report;
    let next = {
        ...state,
        last_evaluated_at: plan.ticks.length > 0 ? (0,time/* isoSeconds */.n)(plan.ticks.at(-1)) : state.last_evaluated_at,
        rules: { ...state.rules },
    };
    for (const [id, ms] of evaluated.lastTriggered)
        next.rules[id] = { last_triggered_at: ms === null ? null : (0,time/* isoSeconds */.n)(ms) };
    next = (0,store.pruneState)(next, file.rules.map((r) => r.id));
    if (evaluated.decisions.length > 0) {
        if (!opts.deliverer)
            throw new Error('rules fired but no deliverer was given (use a dry run to only decide)');
        const delivered = await opts.deliverer.deliver(evaluated.decisions, file, next, opts.env);
        report.outcomes = delivered.outcomes;
        next = (0,store.pruneState)({ ...delivered.state, last_evaluated_at: next.last_evaluated_at, rules: next.rules }, file.rules.map((r) => r.id));
    }
    await (0,store.saveState)(opts.statePath, next);
    report.stateSaved = true;
    return report;
}


/***/ }),

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
