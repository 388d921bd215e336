export const id = 330;
export const ids = [330];
export const modules = {

/***/ 1330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   countInStore: () => (/* binding */ countInStore),
/* harmony export */   countSeriesInStore: () => (/* binding */ countSeriesInStore)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(767);


/**
 * Database log sources: the count is pushed down to the store in ONE query per
 * call. result[i][j] = entries at levels[i] with timestamp in
 * (windows[j].fromMs, windows[j].toMs] (exclusive start, inclusive end).
 * Every failure (unset env var, unreachable store, bad credentials, missing
 * table/column, timeout) is a UserError naming the source, exit code 2.
 */
async function countInStore(source, query, env) {
    return inStore(source, env, async (url) => {
        if (source.kind === 'postgres') {
            const { countPostgres } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(183)]).then(__webpack_require__.bind(__webpack_require__, 8183));
            return countPostgres(source, url, query);
        }
        const { countClickHouse } = await Promise.all(/* import() */[__webpack_require__.e(671), __webpack_require__.e(104)]).then(__webpack_require__.bind(__webpack_require__, 5104));
        return countClickHouse(source, url, query);
    });
}
/** Distinct groups per series when the query does not say (src/model/series.ts). */
const GROUP_LIMIT = 100_000;
/**
 * The series contract (src/model/series.ts) pushed down: filters, level sets, group-by and exact
 * value aggregates for every series × window in ONE query to the store. result[i] answers
 * query.series[i]; `query.sources` is the caller's business (this is one source). Fields are read
 * from the source's `columns`, `message_column` and `fields_column` (docs/stores.md); a field the
 * source cannot provide exactly is an error naming the source and the field (exit 2).
 */
async function countSeriesInStore(source, query, env) {
    const limit = query.groupLimit ?? GROUP_LIMIT;
    return inStore(source, env, async (url) => {
        if (source.kind === 'postgres') {
            const { seriesPostgres } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(499), __webpack_require__.e(565)]).then(__webpack_require__.bind(__webpack_require__, 8565));
            return seriesPostgres(source, url, query, limit);
        }
        const { seriesClickHouse } = await Promise.all(/* import() */[__webpack_require__.e(671), __webpack_require__.e(499), __webpack_require__.e(416)]).then(__webpack_require__.bind(__webpack_require__, 4416));
        return seriesClickHouse(source, url, query, limit);
    });
}
async function inStore(source, env, run) {
    const label = `source "${source.name}" (${source.kind}, table ${source.table})`;
    const url = env[source.url_env];
    if (url === undefined || url === '') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label}: environment variable ${source.url_env} (url_env) is not set; it must hold the connection URL`, {
            exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput,
        });
    }
    try {
        return await run(url);
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${label}: ${scrub(describe(err, source.timeout_seconds), url)}`, {
            exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.badInput,
            cause: redactCause(err, url),
        });
    }
}
/** A one-line reason, with the store's own words where they are clear, and never the URL's password. */
function describe(err, timeoutSeconds) {
    const e = err;
    const code = typeof e.code === 'string' ? e.code : undefined;
    const msg = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err).split('\n')[0] ?? '';
    switch (code) {
        case 'ECONNREFUSED':
        case 'ENOTFOUND':
        case 'EHOSTUNREACH':
        case 'ECONNRESET':
            return `cannot reach the store (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}: ${msg})`;
        case '28P01':
        case '28000':
        case '516':
        case '192':
        case '193':
            return `authentication failed (${msg})`;
        case '42P01':
        case '3F000':
        case '60':
        case '81':
            return `table not found (${msg})`;
        case '42703':
        case '47':
            return `column not found (${msg})`;
        case '57014':
        case '159':
            return `query timed out after ${timeoutSeconds} s (timeout_seconds) (${msg})`;
        default:
            break;
    }
    if (/timeout|timed out/i.test(msg))
        return `query timed out after ${timeoutSeconds} s (timeout_seconds) (${msg})`;
    if (/terminat|connection.*(closed|ended)|socket hang up/i.test(msg))
        return `connection to the store was lost (${msg})`;
    return msg;
}
/** Keep the cause for debugging, but never carry the connection URL (it may hold a password). */
function redactCause(err, url) {
    return err instanceof Error ? new Error(scrub(err.message, url)) : undefined;
}
/** The connection URL as `<url>`, its password (every form) and any other URL's credentials as `***`. */
function scrub(text, url) {
    const redactor = new _util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .Redactor */ .pO();
    redactor.add(url);
    return redactor.redact(text.split(url).join('<url>'));
}


/***/ })

};
