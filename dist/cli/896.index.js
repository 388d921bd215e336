export const id = 896;
export const ids = [896];
export const modules = {

/***/ 7896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runBacktest: () => (/* binding */ runBacktest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _logs_provider_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6600);
/* harmony import */ var _rules_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2026);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _count_and_decide_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9797);
/* harmony import */ var _lifecycle_evaluate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79);
/* harmony import */ var _state_schema_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7398);
/* harmony import */ var _model_time_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(816);
/* harmony import */ var _sources_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8061);









/** The most ticks one backtest evaluates: a year of 5-minute ticks. */
const MAX_BACKTEST_TICKS = 366 * 24 * 12;
/**
 * Replays the rules over history on the same tick grid and decision rule as `evaluate`, starting with
 * no last_triggered_at, so users can tune threshold and window_minutes against what really happened.
 */
async function runBacktest(opts) {
    const file = await (0,_rules_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadRules */ .A)(opts.rulesPath);
    const fromMs = opts.from.getTime();
    const toMs = opts.to.getTime();
    if (!Number.isFinite(fromMs))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('--from is not a valid date', { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.badInput });
    if (!Number.isFinite(toMs))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('--to is not a valid date', { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.badInput });
    if (toMs <= fromMs)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--to (${(0,_model_time_js__WEBPACK_IMPORTED_MODULE_8__/* .isoSeconds */ .n)(toMs)}) must be after --from (${(0,_model_time_js__WEBPACK_IMPORTED_MODULE_8__/* .isoSeconds */ .n)(fromMs)})`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.badInput });
    const step = file.evaluation.interval_minutes * 60_000;
    // Ticks in (from, to], like a run whose watermark is `from`.
    const first = Math.floor(fromMs / step) * step + step;
    const ticks = [];
    for (let t = first; t <= toMs; t += step) {
        ticks.push(t);
        if (ticks.length > MAX_BACKTEST_TICKS)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the range has more than ${MAX_BACKTEST_TICKS} evaluation ticks; backtest a shorter range`, {
                exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.badInput,
            });
    }
    let rules = file.rules;
    if (opts.only && opts.only.length > 0) {
        rules = rules.filter((r) => opts.only.includes(r.id) || opts.only.includes(r.name));
        const unknown = opts.only.filter((k) => !file.rules.some((r) => r.id === k || r.name === k));
        if (unknown.length > 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`no rule with id or name ${unknown.map((k) => `"${k}"`).join(', ')} in ${opts.rulesPath}`, {
                exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.badInput,
            });
    }
    const enabledById = new Map(file.rules.map((r) => [r.id, r.enabled]));
    // A backtest asks "what if this rule were on": disabled rules are replayed too.
    rules = rules.map((r) => ({ ...r, enabled: true }));
    const fromArgs = Boolean(opts.logs && opts.logs.length > 0);
    const sources = fromArgs ? (0,_sources_js__WEBPACK_IMPORTED_MODULE_7__/* .sourcesFromArgs */ .Q)(opts.logs, undefined, opts.lineFormat) : file.sources;
    const provider = (0,_logs_provider_js__WEBPACK_IMPORTED_MODULE_1__/* .createSeriesProvider */ .B)(sources, {
        baseDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(opts.rulesPath)),
        env: opts.env,
        onProgress: opts.onProgress,
        onUnreadable: opts.lineFormat?.onUnreadable,
    });
    const evaluated = await (0,_count_and_decide_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluateTicks */ ._)(rules, ticks, provider, () => null, { ignoreRuleSources: fromArgs });
    // Lifecycle rules: fires from the state machine (from an empty state), and incidents per instance.
    // Value rules are measured in the same single pass as counts.
    const life = (0,_lifecycle_evaluate_js__WEBPACK_IMPORTED_MODULE_5__/* .planLifecycle */ .E_)(rules, ticks, evaluated, (0,_state_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .emptyState */ .p$)());
    const decisions = life ? life.decisions : evaluated.decisions;
    return {
        project: file.project,
        from: (0,_model_time_js__WEBPACK_IMPORTED_MODULE_8__/* .isoSeconds */ .n)(fromMs),
        to: (0,_model_time_js__WEBPACK_IMPORTED_MODULE_8__/* .isoSeconds */ .n)(toMs),
        interval_minutes: file.evaluation.interval_minutes,
        ticks: ticks.map(_model_time_js__WEBPACK_IMPORTED_MODULE_8__/* .isoSeconds */ .n),
        rules: evaluated.rules.map((r) => {
            const enabled = enabledById.get(r.id);
            let max = 0;
            let at = null;
            r.counts.forEach((c, i) => {
                if (c > max)
                    [max, at] = [c, (0,_model_time_js__WEBPACK_IMPORTED_MODULE_8__/* .isoSeconds */ .n)(ticks[i])];
            });
            return { ...r, enabled, max_count: max, max_count_at: at };
        }),
        fires: decisions.map((d) => ({
            rule_id: d.rule.id,
            rule_name: d.rule.name,
            triggered_at: d.triggered_at,
            match_count: d.match_count,
            ...(d.group ? { group: d.group } : {}),
            ...(d.denominator_count !== undefined ? { ratio: d.ratio, denominator_count: d.denominator_count } : {}),
        })),
        stats: evaluated.stats,
        ...(life ? (0,_lifecycle_evaluate_js__WEBPACK_IMPORTED_MODULE_5__/* .backtestIncidents */ .ts)(life, ticks, toMs) : {}),
    };
}


/***/ })

};
