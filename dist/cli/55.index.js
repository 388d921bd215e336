export const id = 55;
export const ids = [55,338];
export const modules = {

/***/ 8736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ signStandard),
/* harmony export */   L: () => (/* binding */ standardKey),
/* harmony export */   RC: () => (/* binding */ signKrafter),
/* harmony export */   dC: () => (/* binding */ parseSecrets)
/* harmony export */ });
/* unused harmony export toWhsec */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Signing for both webhook schemes. The secret is 64 lowercase hex chars (32 bytes); during a rotation
 * the env var may hold several, space-separated: the krafter scheme signs with the first (receivers
 * compare one value), the Standard Webhooks scheme signs with each (receivers accept any).
 */
const HEX_SECRET = /^[0-9a-f]{64}$/;
/** Splits an env var value into secrets; throws naming the env var (never the value) when malformed. */
function parseSecrets(value, envName) {
    const secrets = value.trim().split(/\s+/).filter(Boolean);
    if (secrets.length === 0)
        throw new Error(`env ${envName} is empty`);
    for (const [i, s] of secrets.entries()) {
        if (!HEX_SECRET.test(s))
            throw new Error(`env ${envName}: secret #${i + 1} is not 64 lowercase hex characters`);
    }
    return secrets;
}
/** `sha256=<hex HMAC-SHA256 of the exact bytes>` — the seed's x-krafter-signature value. The HMAC key is the hex string's UTF-8 bytes, as in the seed's receiver. */
function signKrafter(body, secret) {
    return `sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
/** The Standard Webhooks key for one of our hex secrets: its 32 raw bytes. As `whsec_<base64>` for receivers' libraries. */
function standardKey(secret) {
    return Buffer.from(secret, 'hex');
}
function toWhsec(secret) {
    return `whsec_${standardKey(secret).toString('base64')}`;
}
/** `v1,<base64>` over `id.timestamp.body` for each secret, space-separated (Standard Webhooks). */
function signStandard(id, timestampSeconds, body, secrets) {
    const payload = Buffer.concat([Buffer.from(`${id}.${timestampSeconds}.`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
    return secrets.map((s) => `v1,${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', standardKey(s)).update(payload).digest('base64')}`).join(' ');
}


/***/ }),

/***/ 4055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runEvaluation: () => (/* binding */ runEvaluation)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/logs/provider.ts + 4 modules
var logs_provider = __webpack_require__(6600);
// EXTERNAL MODULE: ./src/rules/load.ts + 1 modules
var load = __webpack_require__(2026);
// EXTERNAL MODULE: ./src/state/store.ts
var store = __webpack_require__(6992);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/evaluate/count-and-decide.ts + 3 modules
var count_and_decide = __webpack_require__(9797);
// EXTERNAL MODULE: ./src/evaluate/lifecycle-evaluate.ts + 2 modules
var lifecycle_evaluate = __webpack_require__(79);
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

// EXTERNAL MODULE: ./src/events/client.ts + 4 modules
var client = __webpack_require__(7585);
// EXTERNAL MODULE: ./src/events/http.ts
var http = __webpack_require__(2153);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/evaluate/heartbeat.ts





const HEARTBEAT_TIMEOUT_MS = 10_000;
function redact(text, secret) {
    if (!secret)
        return text;
    let out = text.split(secret).join('(heartbeat URL)');
    try {
        const u = new URL(secret);
        out = out.split(u.host + u.pathname).join('(heartbeat URL)');
    }
    catch {
        // not a URL: nothing more to hide
    }
    return out;
}
async function sendHeartbeat(opts, run) {
    const out = {};
    const timeoutMs = run.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
    const summary = { project: run.project, ticks: run.ticks, fired: run.fired, at: (0,time/* isoSeconds */.n)(Date.now()), version: version/* VERSION */.x };
    const tasks = [];
    if (opts.url) {
        const target = opts.url;
        tasks.push((async () => {
            try {
                let url;
                try {
                    url = new URL(target);
                }
                catch {
                    throw new Error('the heartbeat URL is not a valid URL');
                }
                if (url.protocol !== 'https:' && url.protocol !== 'http:')
                    throw new Error('the heartbeat URL must start with https:// or http://');
                const res = await (0,http/* postJson */.B)(url, JSON.stringify(summary), { 'Content-Type': 'application/json', 'User-Agent': `apialerts-evaluate/${version/* VERSION */.x}` }, timeoutMs, run.env);
                out.url = res.status >= 200 && res.status < 300 ? 'sent' : `failed: HTTP ${res.status}`;
            }
            catch (err) {
                out.url = `failed: ${redact((0,errors/* errorMessage */.gJ)(err), target)}`;
            }
        })());
    }
    if (opts.event) {
        tasks.push((async () => {
            try {
                await (0,client/* sendEvent */.BI)({
                    message: `${run.project}: alerter ran (${run.ticks} tick(s), ${run.fired} fired)`,
                    event: 'alerts.heartbeat',
                    title: 'Alerter heartbeat',
                    tags: ['heartbeat'],
                }, {
                    apiKey: run.apiKey ?? '',
                    integration: 'apialerts-evaluate',
                    env: run.env,
                    timeoutMs,
                    retries: 1,
                    ...(run.env.APIALERTS_SERVER_URL ? { serverUrl: run.env.APIALERTS_SERVER_URL } : {}),
                });
                out.event = 'sent';
            }
            catch (err) {
                out.event = `failed: ${redact((0,errors/* errorMessage */.gJ)(err), run.apiKey)}`;
            }
        })());
    }
    await Promise.all(tasks);
    return out;
}

// EXTERNAL MODULE: ./src/deliver/sign.ts
var sign = __webpack_require__(8736);
;// CONCATENATED MODULE: ./src/evaluate/preflight.ts


const ruleLabel = (r) => `rule "${r.name}"`;
function checkSmtpUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'not a valid URL';
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
        return `must start with smtp:// or smtps:// (got ${url.protocol}//)`;
    const tls = url.searchParams.get('requireTLS');
    if (tls !== null && tls !== 'true' && tls !== 'false')
        return `requireTLS must be true or false`;
    return undefined;
}
function checkConnectionUrl(value) {
    try {
        new URL(value);
        return undefined;
    }
    catch {
        return 'not a valid connection URL';
    }
}
/** The variables a run over `file` needs, in the order the rule file names them. */
function neededVariables(file, opts) {
    const needed = new Map();
    // Who needs each variable, as a set beside the ordered list: a lookup per rule, not a scan (linear in rules).
    const neededBy = new Map();
    const need = (name, what, field, by, check) => {
        const v = needed.get(name);
        if (!v) {
            needed.set(name, { name, what, field, neededBy: [by], ...(check ? { check } : {}) });
            neededBy.set(name, new Set([by]));
        }
        else if (!neededBy.get(name).has(by)) {
            v.neededBy.push(by);
            neededBy.get(name).add(by);
        }
    };
    const enabled = file.rules.filter((r) => r.enabled);
    const usedSources = new Set();
    const allSources = opts.sources.map((x) => x.name);
    for (const r of enabled)
        for (const s of opts.ignoreRuleSources || !r.sources ? allSources : r.sources)
            usedSources.add(s);
    for (const s of opts.sources) {
        if (!usedSources.has(s.name))
            continue;
        const by = `source "${s.name}"`;
        if ((s.kind === 'postgres' || s.kind === 'clickhouse') && 'url_env' in s)
            need(s.url_env, `the ${s.kind === 'postgres' ? 'PostgreSQL' : 'ClickHouse'} connection URL`, 'url_env', by, checkConnectionUrl);
        if ('token_env' in s && s.token_env)
            need(s.token_env, 'the bearer token of a URL source', 'token_env', by);
    }
    if (!opts.dryRun) {
        for (const r of enabled) {
            if (r.channels.includes('webhook') && r.notify_webhook && r.notify_webhook_secret_env)
                need(r.notify_webhook_secret_env, 'the webhook secret', 'notify_webhook_secret_env', ruleLabel(r), (v) => {
                    try {
                        (0,sign/* parseSecrets */.dC)(v, r.notify_webhook_secret_env);
                        return undefined;
                    }
                    catch (err) {
                        return err.message.replace(/^env \S+:?\s*/, '');
                    }
                });
            if (r.channels.includes('email') && r.notify_email)
                need(file.delivery.smtp_url_env, 'the SMTP URL', 'delivery.smtp_url_env', ruleLabel(r), checkSmtpUrl);
            if (r.channels.includes('apialerts'))
                need(file.delivery.apialerts_key_env, 'the API Alerts key', 'delivery.apialerts_key_env', ruleLabel(r));
        }
        if (opts.heartbeatEvent)
            need(file.delivery.apialerts_key_env, 'the API Alerts key', 'delivery.apialerts_key_env', 'the heartbeat event');
    }
    return [...needed.values()];
}
/** The problems, one line each (variable, what is wrong, who needs it); empty when all is well. */
function preflightProblems(needed, env) {
    const problems = [];
    for (const v of needed) {
        const value = env[v.name];
        const who = `needed by ${v.neededBy.join(', ')} (${v.field})`;
        if (value === undefined || value.trim() === '')
            problems.push(`${v.name} is not set: ${v.what}, ${who}`);
        else {
            const bad = v.check?.(value);
            if (bad)
                problems.push(`${v.name} is set but invalid (${bad}): ${v.what}, ${who}`);
        }
    }
    return problems;
}
/** Throws a UserError (exit 2) naming every missing or malformed variable; called before counting. */
function preflight(file, env, opts) {
    const needed = neededVariables(file, opts);
    const problems = preflightProblems(needed, env);
    if (problems.length > 0)
        throw new errors/* UserError */.yo(`${problems.length} environment variable${problems.length === 1 ? '' : 's'} the rules need ${problems.length === 1 ? 'is' : 'are'} missing or invalid; nothing was counted and the state is untouched:\n` +
            problems.map((p) => `  - ${p}`).join('\n'), { exitCode: errors/* EXIT */.dc.badInput });
    return needed;
}
/**
 * Rules whose fires in this run must not be recorded: every delivery of them failed for a configuration
 * reason (a target the address policy refuses, a secret that went missing), which says nothing about the
 * receiver and will not heal by waiting out the window. Their last_triggered_at stays as it was.
 */
function unconsumedRules(outcomes) {
    const byRule = new Map();
    for (const o of outcomes) {
        const list = byRule.get(o.rule_id);
        if (list)
            list.push(o);
        else
            byRule.set(o.rule_id, [o]);
    }
    const out = new Set();
    for (const [id, os] of byRule)
        if (os.length > 0 && os.every((o) => o.status === 'failed' && isConfigFailure(o)))
            out.add(id);
    return out;
}
/** A failure caused by our configuration, not by the receiver. */
function isConfigFailure(o) {
    const d = o.detail ?? '';
    return o.attempts === 0 || d.startsWith('refused:') || / is not set\b/.test(d);
}

// EXTERNAL MODULE: ./src/evaluate/secrets.ts
var secrets = __webpack_require__(2338);
// EXTERNAL MODULE: ./src/rules/secrets.ts
var rules_secrets = __webpack_require__(5446);
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
    const file = opts.allowPrivateTargets ? { ...loaded, delivery: { ...loaded.delivery, allow_private_targets: true } } : loaded;
    const fromArgs = opts.logs && opts.logs.length > 0;
    const sources = fromArgs ? (0,evaluate_sources/* sourcesFromArgs */.Q)(opts.logs, undefined, opts.lineFormat) : file.sources;
    // Secrets passed by name or in a bundle: only the variables the rule file names, under the process's env.
    const env = opts.secrets
        ? (0,secrets/* environmentWithSecrets */.jQ)(opts.env, (0,secrets/* selectSecrets */._X)((0,rules_secrets/* secretEnvs */.V)(file, sources).map((e) => e.name), opts.secrets))
        : opts.env;
    // Every variable the run needs, before anything is counted or the state is read.
    preflight(file, env, { sources, ignoreRuleSources: !!fromArgs, dryRun: opts.dryRun, heartbeatEvent: !!opts.heartbeat?.event });
    const state = await (0,store.loadState)(opts.statePath);
    // Before anything is counted or delivered: a result that cannot be recorded is never delivered.
    if (!opts.dryRun)
        await (0,store.checkStateWritable)(opts.statePath);
    const nowMs = (opts.now ?? new Date()).getTime();
    if (!Number.isFinite(nowMs))
        throw new errors/* UserError */.yo('the evaluation time (now) is not a valid date', { exitCode: errors/* EXIT */.dc.badInput });
    const watermark = state.last_evaluated_at === null ? null : Date.parse(state.last_evaluated_at);
    if (watermark !== null && watermark > nowMs)
        throw new errors/* UserError */.yo(`state file ${opts.statePath} was last evaluated at ${state.last_evaluated_at}, after the evaluation time ${(0,time/* isoSeconds */.n)(nowMs)}; ` +
            'pass a later --now or use another state file (it was left untouched)', { exitCode: errors/* EXIT */.dc.badInput });
    const plan = planTicks(watermark, nowMs, file.evaluation.interval_minutes, file.evaluation.max_catchup_minutes);
    const provider = (0,logs_provider/* createSeriesProvider */.B)(sources, {
        baseDir: (0,external_node_path_.dirname)((0,external_node_path_.resolve)(opts.rulesPath)),
        env,
        onProgress: opts.onProgress,
        onUnreadable: opts.lineFormat?.onUnreadable,
    });
    const lastTriggered = (id) => {
        const at = state.rules[id]?.last_triggered_at;
        return at ? Date.parse(at) : null;
    };
    const history = historyBefore(plan.ticks, file.evaluation.interval_minutes, opts.historyTicks);
    const evaluated = await (0,count_and_decide/* evaluateTicks */._)(file.rules, plan.ticks, provider, lastTriggered, {
        ignoreRuleSources: fromArgs,
        instanceState: (id) => state.rules[id]?.instances,
        ...(history ? { historyTicks: history } : {}),
    });
    // Lifecycle rules (docs/lifecycle.md) fire from their state machine; without any, nothing changes here.
    // Their measures (value rules' aggregates included) come from the same single pass as every count.
    const life = (0,lifecycle_evaluate/* planLifecycle */.E_)(file.rules, plan.ticks, evaluated, state);
    const decisions = life ? life.decisions : evaluated.decisions;
    const report = {
        project: file.project,
        ticks: plan.ticks.map(time/* isoSeconds */.n),
        skippedTicks: plan.skipped,
        ...(history ? { historyTicks: history.map(time/* isoSeconds */.n) } : {}),
        rules: evaluated.rules,
        decisions,
        outcomes: [],
        stats: evaluated.stats,
        dryRun: opts.dryRun,
        stateSaved: false,
    };
    if (opts.dryRun) {
        if (life)
            report.lifecycle = (await (0,lifecycle_evaluate/* finishLifecycle */.Y)(life, [], state, undefined, state)).report;
        return report;
    }
    let next = {
        ...state,
        last_evaluated_at: plan.ticks.length > 0 ? (0,time/* isoSeconds */.n)(plan.ticks.at(-1)) : state.last_evaluated_at,
        rules: { ...state.rules },
    };
    for (const [id, ms] of evaluated.lastTriggered) {
        const instances = evaluated.instances.get(id);
        // Instance state only for grouped rules that have some: every other rule's state stays the seed's shape.
        next.rules[id] = {
            last_triggered_at: ms === null ? null : (0,time/* isoSeconds */.n)(ms),
            ...(instances && Object.keys(instances).length > 0 ? { instances } : {}),
        };
    }
    next = (0,store.pruneState)(next, file.rules.map((r) => r.id));
    if (decisions.length > 0) {
        if (!opts.deliverer)
            throw new Error('rules fired but no deliverer was given (use a dry run to only decide)');
        const delivered = await opts.deliverer.deliver(decisions, file, next, env);
        report.outcomes = delivered.outcomes;
        // A fire whose every delivery failed for a configuration reason is not consumed: it fires again.
        for (const id of unconsumedRules(delivered.outcomes))
            next.rules[id] = state.rules[id] ?? { last_triggered_at: null };
        next = (0,store.pruneState)({ ...delivered.state, last_evaluated_at: next.last_evaluated_at, rules: next.rules }, file.rules.map((r) => r.id));
    }
    if (life) {
        // Phase two: resolves whose fire got through; then the lifecycle rules' instance state.
        const deliverer = opts.deliverer;
        const fin = await (0,lifecycle_evaluate/* finishLifecycle */.Y)(life, report.outcomes, next, deliverer ? (ds, s) => deliverer.deliver(ds, file, s, env) : undefined, state);
        if (fin.resolves.length > 0 && !deliverer)
            throw new Error('alerts resolved but no deliverer was given (use a dry run to only decide)');
        next = (0,store.pruneState)(fin.state, file.rules.map((r) => r.id));
        report.outcomes = fin.outcomes;
        report.lifecycle = fin.report;
    }
    await (0,store.saveState)(opts.statePath, next);
    report.stateSaved = true;
    if (opts.heartbeat && (opts.heartbeat.url || opts.heartbeat.event) && !report.outcomes.some((o) => o.status === 'failed'))
        report.heartbeat = await sendHeartbeat(opts.heartbeat, {
            project: file.project,
            ticks: report.ticks.length,
            fired: report.decisions.length,
            ...(env[file.delivery.apialerts_key_env] ? { apiKey: env[file.delivery.apialerts_key_env] } : {}),
            env,
        });
    return report;
}
/** The grid ticks just before `ticks` that make a chart of `wanted` ticks; undefined when not asked for. */
function historyBefore(ticks, intervalMinutes, wanted) {
    if (wanted === undefined)
        return undefined;
    const first = ticks[0];
    const extra = first === undefined ? 0 : Math.max(0, Math.floor(wanted) - ticks.length);
    return Array.from({ length: extra }, (_, i) => first - (extra - i) * intervalMinutes * 60_000);
}


/***/ }),

/***/ 2338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _X: () => (/* binding */ selectSecrets),
/* harmony export */   jQ: () => (/* binding */ environmentWithSecrets),
/* harmony export */   parseSecretsBundle: () => (/* binding */ parseSecretsBundle)
/* harmony export */ });
/* unused harmony export parseSecretsJson */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4976);


/**
 * Secrets for a run, from what a reusable workflow can carry across organizations: the secrets its
 * caller passed by name (`${{ toJSON(secrets) }}`, which with `secrets: inherit` holds all of them) and
 * one bundle secret of `NAME=value` lines. Only the variables the rule file names are kept: the
 * evaluation never sees a secret it has no use for.
 */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * A bundle: one `NAME=value` per line; blank lines and `#` comments skipped; an optional `export `
 * prefix; a value in matching single or double quotes is unquoted (no escapes). Errors name the line
 * number, never its value.
 */
function parseSecretsBundle(text, label = 'the secrets bundle') {
    const out = {};
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const body = line.replace(/^export\s+/, '');
        const eq = body.indexOf('=');
        const name = eq < 0 ? '' : body.slice(0, eq).trim();
        if (eq < 0 || !NAME.test(name))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label}, line ${i + 1}: expected NAME=value (NAME of letters, digits and _, not starting with a digit)`, {
                exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput,
            });
        let value = body.slice(eq + 1).trim();
        if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0])
            value = value.slice(1, -1);
        if (name in out)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label}, line ${i + 1}: ${name} is set twice`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput });
        out[name] = value;
    });
    return out;
}
/** `${{ toJSON(secrets) }}`: a JSON object of name → string (other values ignored). */
function parseSecretsJson(text) {
    if (!text.trim())
        return {};
    const data = parseJsonObject(text, 'input secrets_json', { hint: 'pass ${{ toJSON(secrets) }}' });
    const out = {};
    for (const [name, value] of Object.entries(data))
        if (typeof value === 'string')
            out[name] = value;
    return out;
}
/**
 * The variables of `names` found in the given secrets: a secret passed by name wins over the same name
 * in the bundle; empty values count as absent (an optional secret the caller did not pass).
 */
function selectSecrets(names, from) {
    const out = {};
    for (const name of names) {
        const v = from.byName?.[name] || from.bundle?.[name];
        if (v)
            out[name] = v;
    }
    return out;
}
/**
 * The environment for an evaluation: the process's own (its non-empty values win, as a step's `env:`
 * always has), plus the selected secrets. `drop` removes variables that carried the secrets in (the
 * action's INPUT_SECRETS_JSON), so the evaluation never holds the unselected ones.
 */
function environmentWithSecrets(env, selected, drop = []) {
    const out = { ...selected };
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && v !== '' && !drop.includes(k))
            out[k] = v;
    for (const [k, v] of Object.entries(env))
        if (v === '' && !(k in out) && !drop.includes(k))
            out[k] = v;
    return out;
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
