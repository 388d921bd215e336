export const id = 992;
export const ids = [992];
export const modules = {

/***/ 7398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XJ: () => (/* binding */ StateSchema),
  p$: () => (/* binding */ emptyState)
});

// UNUSED EXPORTS: InstanceStateSchema, instanceKey, neededVersion

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function datetime(params) {
    return api/* _isoDateTime */.G1(schemas/* ZodISODateTime */.You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}

;// CONCATENATED MODULE: ./src/state/migrate.ts
/**
 * Migrations of the stored state, applied to the parsed JSON before it is validated (src/state/schema.ts).
 *
 * - Version 1 (releases up to 1.0): `rules[id] = { last_triggered_at }`. Version 2 keeps that field with
 *   the same meaning (the dedup time of an ungrouped rule without lifecycle fields) and adds the optional
 *   `rules[id].instances`, so a version 1 file is already a valid version 2 state: the migration keeps
 *   every last_triggered_at as it is and adds nothing. The version number is then set from the content
 *   (still 1 until a rule stores instances), so migrating never rewrites a file that needs no change.
 * - Any other version is left for the schema to refuse with a clear message (a newer release's file is
 *   never guessed at or reset: a reset would forget the dedup times and re-fire every rule).
 */
function migrateStoredState(data) {
    if (!isObject(data))
        return data;
    switch (data.version) {
        case 1:
            return fromV1(data);
        default:
            return data;
    }
}
function fromV1(data) {
    // No field is renamed or moved: v1 rule entries are v2 rule entries without instances.
    return data;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./src/state/schema.ts


/**
 * The state carried between scheduled runs (one JSON file). Holds no secrets and
 * no webhook URLs (only their SHA-256, so a changed URL is noticed and re-enables delivery).
 *
 * Versions (docs/lifecycle.md, "State file"): version 1 holds one last_triggered_at per rule; version 2
 * adds per-instance state (`rules[id].instances[<group key>]`) for grouped rules and lifecycle rules.
 * Every version 1 file is a version 2 file without instances (src/state/migrate.ts). A state that
 * needs no instance is written as version 1, byte for byte as before, so older releases keep reading
 * it; the version is raised to 2 only when some rule stores instances.
 */
const WebhookStateSchema = schemas/* object */.Ikc({
    url_sha256: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
    active: schemas/* boolean */.zMY(),
    consecutive_failures: schemas/* number */.aig().int().min(0),
    disabled_at: datetime().nullable().default(null),
})
    .strict();
const INSTANCE_STATUSES = ['ok', 'pending', 'firing'];
/**
 * One alert instance of a rule: the rule itself (ungrouped, key "[]") or one group of a grouped rule.
 * Grouped rules without lifecycle fields store only `group` and `last_triggered_at` (per-group dedup);
 * lifecycle rules add the rest.
 */
const InstanceStateSchema = schemas/* object */.Ikc({
    /** The group's field values ({} for an ungrouped rule); null where the entries had no such field. */
    group: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP().nullable()),
    /** The last fire of this instance (dedup for rules without lifecycle fields). */
    last_triggered_at: datetime().nullable(),
    /** Lifecycle rules: where the instance is. Resolved instances are back to ok. */
    status: schemas/* enum */.k5n(INSTANCE_STATUSES).optional(),
    /** When the current status began (for firing: the tick it fired; for pending: the first tick the condition held). */
    since: datetime().nullable().optional(),
    /** Consecutive ticks the condition has held while pending. */
    pending_count: schemas/* number */.aig().int().min(0).optional(),
    /** The last fire or re-notification sent for this instance. */
    last_notified_at: datetime().nullable().optional(),
    /** match_count of that fire (a resolve repeats the fired body). */
    fired_match_count: schemas/* number */.aig().int().min(0).nullable().optional(),
    /** Whether some fire of the current incident reached a channel; a resolve is sent only when one did (null: not known yet). */
    fire_delivered: schemas/* boolean */.zMY().nullable().optional(),
    /** The count, ratio or aggregate at the last evaluated tick (null: no data). */
    last_value: schemas/* number */.aig().nullable().optional(),
})
    .strict();
const RuleStateSchema = schemas/* object */.Ikc({
    last_triggered_at: datetime().nullable(),
    /** Version 2: per-instance state, keyed by the group key as JSON (an array of the group_by values, "[]" when ungrouped). */
    instances: schemas/* record */.g1P(schemas/* string */.YjP(), InstanceStateSchema).optional(),
})
    .strict();
const StateShape = schemas/* object */.Ikc({
    version: schemas/* union */.KCZ([schemas/* literal */.euz(1), schemas/* literal */.euz(2)], {
        error: 'unsupported state version (this release reads versions 1 and 2; was the file written by a newer release?)',
    }),
    /** The last evaluation tick completed; the next run catches up from here. */
    last_evaluated_at: datetime().nullable(),
    rules: schemas/* record */.g1P(schemas/* uuid */.uRe(), RuleStateSchema),
    webhooks: schemas/* record */.g1P(schemas/* uuid */.uRe(), WebhookStateSchema),
})
    .strict();
/**
 * Parses a stored state of any supported version (migrating older ones) and normalises the version to
 * what the content needs: 1 when no rule has instances (empty `instances` are dropped), else 2. Used
 * both when loading and before saving, so a state without instances always stores as version 1.
 */
const StateSchema = schemas/* preprocess */.vkY(migrateStoredState, StateShape).transform(normalizeVersion);
const emptyState = () => ({ version: 1, last_evaluated_at: null, rules: {}, webhooks: {} });
/** The version a state needs: 2 when some rule stores instances, else 1. */
function neededVersion(state) {
    for (const r of Object.values(state.rules))
        if (r.instances && Object.keys(r.instances).length > 0)
            return 2;
    return 1;
}
function normalizeVersion(state) {
    const rules = {};
    for (const [id, r] of Object.entries(state.rules)) {
        if (r.instances && Object.keys(r.instances).length === 0) {
            const { instances: _drop, ...rest } = r;
            rules[id] = rest;
        }
        else
            rules[id] = r;
    }
    return { version: neededVersion({ rules }), last_evaluated_at: state.last_evaluated_at, rules, webhooks: state.webhooks };
}
/** The key of an instance in `rules[id].instances`: the group_by values as a JSON array ("[]" ungrouped). */
function instanceKey(key) {
    return JSON.stringify(key);
}


/***/ }),

/***/ 6992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkStateWritable: () => (/* binding */ checkStateWritable),
/* harmony export */   loadState: () => (/* binding */ loadState),
/* harmony export */   pruneState: () => (/* binding */ pruneState),
/* harmony export */   saveState: () => (/* binding */ saveState)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3605);
/* harmony import */ var _util_atomic_write_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5105);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4976);
/* harmony import */ var _util_read_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5201);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7398);






/**
 * Reads the state file. A missing file is an empty state (first run, or an evicted cache);
 * an unreadable or invalid one is an error that leaves the file as it is, never a silent reset,
 * since a reset would forget last_triggered_at and re-fire every rule.
 */
async function loadState(path) {
    const text = await (0,_util_read_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readInputFileIfExists */ .w)(path, 'state file');
    if (text === undefined)
        return (0,_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .emptyState */ .p$)();
    const data = (0,_util_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJsonObject */ .d)(text, `state file ${path}`, { hint: 'it was left untouched — fix or delete it' });
    const parsed = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .StateSchema */ .XJ.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`state file ${path} is invalid at ${where}: ${issue?.message ?? 'unknown problem'}; it was left untouched — fix or delete it`, {
            exitCode: _util_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .d.badInput,
        });
    }
    return parsed.data;
}
/**
 * Checks, before anything is counted or delivered, that the state file can be written: its directory
 * is created when missing (as the action always did) and a file can be created in it. A result that
 * could not be recorded would be delivered again by every later run and never auto-disable a webhook,
 * so a state that cannot be written is bad input (exit 2), reported before any delivery.
 */
async function checkStateWritable(path) {
    try {
        await (0,_util_atomic_write_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureWritable */ .ZZ)(path);
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`state file ${path} cannot be written (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}); nothing was counted or delivered — fix the path or its permissions`, {
            exitCode: _util_exit_codes_js__WEBPACK_IMPORTED_MODULE_1__/* .EXIT */ .d.badInput,
            cause: err,
        });
    }
}
/**
 * Writes the state atomically (util/atomic-write: temp file, fsync, rename), so a crash leaves either
 * the old state or the new one, never half a file. A new state file is created 0600.
 */
async function saveState(path, state) {
    const valid = _schema_js__WEBPACK_IMPORTED_MODULE_5__/* .StateSchema */ .XJ.parse(state);
    await (0,_util_atomic_write_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(path, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
}
/** Drops the state of rules no longer in the file; a renamed rule keeps its state (keyed by id). */
function pruneState(state, ruleIds) {
    const keep = new Set(ruleIds);
    const pick = (record) => Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)));
    return { ...state, rules: pick(state.rules), webhooks: pick(state.webhooks) };
}


/***/ })

};
