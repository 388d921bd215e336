export const id = 876;
export const ids = [876];
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

/***/ 876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifySignature: () => (/* binding */ verifySignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8736);


function header(headers, name) {
    for (const [k, v] of Object.entries(headers))
        if (k.toLowerCase() === name)
            return Array.isArray(v) ? v[0] : v;
    return undefined;
}
/** Constant-time equality of two strings (length is not secret: signatures have a fixed length). */
function same(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(x, y);
}
/**
 * Checks a delivery's signature for receivers, in either scheme, against one secret or several
 * (during a rotation any may match). The raw body must be the exact bytes received, before any
 * JSON parsing. Standard Webhooks also rejects timestamps outside the tolerance (replays).
 */
function verifySignature(rawBody, headers, secrets, options = {}) {
    // No secret (an unset env var passed straight through) is a failed check, never a throw.
    const list = Array.isArray(secrets) ? secrets : typeof secrets === 'string' ? secrets.split(/\s+/) : [];
    const keys = list
        .filter((s) => typeof s === 'string')
        .map((s) => s.trim())
        .filter(Boolean);
    if (keys.length === 0)
        return { ok: false, reason: 'no secret given' };
    const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
    const scheme = options.scheme ?? 'auto';
    const useStandard = scheme === 'standard' || (scheme === 'auto' && header(headers, 'webhook-signature') !== undefined);
    return useStandard ? verifyStandard(body, headers, keys, options) : verifyKrafter(body, headers, keys);
}
function verifyKrafter(body, headers, secrets) {
    const got = header(headers, 'x-krafter-signature');
    if (!got)
        return { ok: false, scheme: 'krafter', reason: 'missing x-krafter-signature header' };
    if (!/^sha256=[0-9a-f]{64}$/.test(got))
        return { ok: false, scheme: 'krafter', reason: 'x-krafter-signature is not of the form sha256=<64 hex>' };
    const ok = secrets.some((s) => same(`sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', s).update(body).digest('hex')}`, got));
    return ok ? { ok, scheme: 'krafter' } : { ok, scheme: 'krafter', reason: 'no signature matched' };
}
function verifyStandard(body, headers, secrets, options) {
    const id = header(headers, 'webhook-id');
    const timestamp = header(headers, 'webhook-timestamp');
    const signatures = header(headers, 'webhook-signature');
    const missing = [
        ['webhook-id', id],
        ['webhook-timestamp', timestamp],
        ['webhook-signature', signatures],
    ]
        .filter(([, v]) => !v)
        .map(([k]) => k);
    if (missing.length > 0)
        return { ok: false, scheme: 'standard', reason: `missing ${missing.join(', ')} header${missing.length > 1 ? 's' : ''}` };
    if (!/^\d{1,12}$/.test(timestamp))
        return { ok: false, scheme: 'standard', reason: 'webhook-timestamp is not a number of seconds' };
    const tolerance = options.toleranceSeconds ?? 300;
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    if (Math.abs(now - Number(timestamp)) > tolerance)
        return { ok: false, scheme: 'standard', reason: `timestamp outside tolerance (±${tolerance} s)` };
    const payload = Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
    const offered = signatures
        .split(' ')
        .filter((s) => s.startsWith('v1,'))
        .map((s) => s.slice(3));
    for (const secret of secrets) {
        const key = /^[0-9a-f]{64}$/.test(secret)
            ? (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .standardKey */ .L)(secret)
            : secret.startsWith('whsec_')
                ? Buffer.from(secret.slice(6), 'base64')
                : Buffer.from(secret);
        const expected = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(payload).digest('base64');
        if (offered.some((o) => same(expected, o)))
            return { ok: true, scheme: 'standard' };
    }
    return { ok: false, scheme: 'standard', reason: 'no signature matched' };
}


/***/ })

};
