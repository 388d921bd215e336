export const id = 338;
export const ids = [338];
export const modules = {

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


/***/ })

};
