export const id = 157;
export const ids = [157];
export const modules = {

/***/ 7157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDeliverer: () => (/* binding */ createDeliverer)
});

// EXTERNAL MODULE: ./src/model/time.ts
var time = __webpack_require__(816);
// EXTERNAL MODULE: ./src/events/client.ts + 6 modules
var client = __webpack_require__(7411);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/util/userinfo.ts
var userinfo = __webpack_require__(1845);
;// CONCATENATED MODULE: ./src/deliver/email.ts


const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Subject and body: alert name, project, level, threshold, match count, window and time (the seed's fields and more). */
function emailContent(d, project) {
    const r = d.rule;
    const rows = [
        ['Alert', r.name],
        ['Project', project],
        ['Level', r.level],
        ['Threshold', `${r.threshold} entries in ${r.window_minutes} min`],
        ['Matched', `${d.match_count} entries`],
        ['Window', `${r.window_minutes} min ending ${d.triggered_at}`],
        ['Triggered at', d.triggered_at],
        ['Alert id', r.id],
    ];
    const subject = `[${project}] ${r.name}: ${d.match_count} ${r.level} ${d.match_count === 1 ? 'entry' : 'entries'} in ${r.window_minutes} min (threshold ${r.threshold})`;
    const text = `${r.name} fired for ${project}: ${d.match_count} ${r.level} log entries in the ${r.window_minutes} minutes ` +
        `up to ${d.triggered_at}, at or above the threshold of ${r.threshold}.\n\n` +
        rows.map(([k, v]) => `${k}: ${v}`).join('\n') +
        '\n';
    const html = `<p><strong>${escapeHtml(r.name)}</strong> fired for <strong>${escapeHtml(project)}</strong>: ${d.match_count} ` +
        `${escapeHtml(r.level)} log entries in the ${r.window_minutes} minutes up to ${escapeHtml(d.triggered_at)}, ` +
        `at or above the threshold of ${r.threshold}.</p>\n<table>\n` +
        rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n') +
        '\n</table>\n';
    return { subject: subject.replace(/[\r\n]+/g, ' '), text, html };
}
/** nodemailer's codes for failures of the server or the connection, not of one message. */
const SERVER_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'EAUTH', 'ETLS']);
/**
 * One SMTP transport per run (pooled connection), from a URL such as smtp://user:pass@host:587
 * (STARTTLS required because there are credentials; `?requireTLS=false` allows plain text) or
 * smtps://user:pass@host:465 (TLS from the start). nodemailer is imported only when an
 * email is due, so runs without email never load it.
 */
async function createMailer(smtpUrl, from, timeoutMs) {
    let url;
    try {
        url = new URL(smtpUrl);
    }
    catch {
        throw new Error('the SMTP URL is not a valid URL');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
        throw new Error(`the SMTP URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
    // A password must never cross the wire in clear text just because a STARTTLS offer was stripped
    // on the way: with credentials, STARTTLS is required unless the URL opts out (?requireTLS=false).
    const tlsParam = url.searchParams.get('requireTLS');
    if (tlsParam !== null && tlsParam !== 'true' && tlsParam !== 'false')
        throw new Error(`the SMTP URL's requireTLS must be true or false (got "${tlsParam}")`);
    const requireTLS = url.protocol === 'smtp:' && (tlsParam === 'true' || (tlsParam === null && url.username !== ''));
    const { default: nodemailer } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
    const transport = nodemailer.createTransport({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
        secure: url.protocol === 'smtps:',
        ...(url.username ? { auth: { user: (0,userinfo/* decodeUserinfo */.u)(url.username), pass: (0,userinfo/* decodeUserinfo */.u)(url.password) } } : {}),
        ...(requireTLS ? { requireTLS: true } : {}),
        ...(url.searchParams.get('rejectUnauthorized') === 'false' ? { tls: { rejectUnauthorized: false } } : {}),
        pool: true,
        maxConnections: 2,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
    });
    // Once the server itself has failed slowly (silent, timing out) or for good (bad TLS or
    // credentials) before any email got through, or 3 times in a row after, the other emails of this
    // run fail at once instead of each waiting out its own timeouts: a catch-up run with hundreds of
    // emails must finish inside the job's timeout, or it would never save its state. The first email
    // probes the server; the others wait for its result before trying.
    let serverFailure;
    let probe;
    let delivered = false;
    let failuresInARow = 0;
    return {
        async send(to, content) {
            if (probe)
                await probe.catch(() => { });
            if (serverFailure)
                throw new Error(`not attempted: the SMTP server failed earlier in this run (${serverFailure})`);
            const started = Date.now();
            try {
                const sent = transport.sendMail({ from, to, subject: content.subject, text: content.text, html: content.html, headers: { 'X-Alert-Event': 'alert.triggered' } });
                probe ??= sent;
                await sent;
                delivered = true;
                failuresInARow = 0;
            }
            catch (err) {
                // nodemailer's messages may quote the server's reply but never the password; strip the URL anyway.
                const message = (0,errors/* errorMessage */.g)(err).split(smtpUrl).join('(SMTP URL)');
                const code = err.code ?? '';
                // Only failures that cost time (or that retrying would repeat against the server: bad
                // credentials, TLS) trip the breaker; a refused connection is cheap to try again.
                const costly = code === 'ETIMEDOUT' || code === 'EAUTH' || code === 'ETLS' || Date.now() - started >= timeoutMs / 2;
                if (SERVER_FAILURES.has(code) && costly) {
                    failuresInARow++;
                    if (!delivered || failuresInARow >= 3)
                        serverFailure ??= message;
                }
                throw new Error(message);
            }
        },
        close: () => transport.close(),
    };
}

;// CONCATENATED MODULE: ./src/deliver/pool.ts
/** Runs tasks with at most `limit` in flight; a slow task holds one slot, never the others. */
async function runPool(tasks, limit) {
    const results = new Array(tasks.length);
    let next = 0;
    const worker = async () => {
        while (next < tasks.length) {
            const i = next++;
            results[i] = await tasks[i]();
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), tasks.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/deliver/push.ts
/** The API Alerts event for a fired rule: event `alert.triggered`, the rule's channel, tags and link. */
function pushEvent(d, project) {
    const r = d.rule;
    return {
        event: 'alert.triggered',
        title: `${r.name} (${project})`,
        message: `${d.match_count} ${r.level} ${d.match_count === 1 ? 'entry' : 'entries'} in ${r.window_minutes} min (threshold ${r.threshold}) at ${d.triggered_at}`,
        ...(r.apialerts_channel ? { channel: r.apialerts_channel } : {}),
        tags: r.apialerts_tags ?? [project, r.level],
        ...(r.apialerts_link ? { link: r.apialerts_link } : {}),
        data: {
            alert_id: r.id,
            alert_name: r.name,
            project,
            level: r.level,
            threshold: r.threshold,
            match_count: d.match_count,
            window_minutes: r.window_minutes,
            triggered_at: d.triggered_at,
        },
    };
}

// EXTERNAL MODULE: ./src/deliver/sign.ts
var sign = __webpack_require__(8736);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/deliver/address-policy.ts


/**
 * Where outgoing webhook requests may connect. Addresses are checked *as resolved at connect time*
 * (the request's own DNS lookup goes through here), so a name that resolves to a public address when
 * the rule is written and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
const blocked = new external_node_net_.BlockList();
for (const [net, prefix] of [
    ['0.0.0.0', 8], // "this" network, unspecified
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8],
    ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15], // benchmarking
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
])
    blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7], // unique local (incl. fd00:ec2::254, a metadata address)
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
    ['100::', 64], // discard
])
    blocked.addSubnet(net, prefix, 'ipv6');
/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (::ffff:a.b.c.d, 64:ff9b::a.b.c.d), if any. */
function embeddedIPv4(ip) {
    const m = /^(?:::ffff:|64:ff9b::)(?:0:)?(.+)$/i.exec(ip);
    if (!m)
        return undefined;
    const tail = m[1];
    if ((0,external_node_net_.isIP)(tail) === 4)
        return tail;
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
    if (!hex)
        return undefined;
    const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
/** Why an address is not a public one, or undefined when it is. */
function privateReason(ip) {
    const family = (0,external_node_net_.isIP)(ip);
    if (family === 0)
        return `${ip} is not an IP address`;
    if (family === 6) {
        const v4 = embeddedIPv4(ip);
        if (v4)
            return privateReason(v4) && `${ip} maps to a private address (${v4})`;
        return blocked.check(ip, 'ipv6') ? `${ip} is a loopback, private, link-local or reserved address` : undefined;
    }
    return blocked.check(ip, 'ipv4') ? `${ip} is a loopback, private, link-local or reserved address` : undefined;
}
class RefusedTargetError extends Error {
    code = 'ERR_REFUSED_TARGET';
}
/**
 * A `lookup` for http(s).request that refuses non-public addresses unless allowed. IP literals never
 * reach a lookup in Node, so callers also check those with `checkLiteralHost` before connecting.
 */
function guardedLookup(allowPrivate) {
    return (hostname, options, callback) => {
        (0,external_node_dns_.lookup)(hostname, { ...options, all: true }, (err, addresses) => {
            if (err)
                return callback(err, '', 0);
            const usable = allowPrivate ? addresses : addresses.filter((a) => !privateReason(a.address));
            if (usable.length === 0) {
                const reason = privateReason(addresses[0]?.address ?? '') ?? 'no address';
                return callback(new RefusedTargetError(`refused: ${hostname} resolves to ${reason.replace(/ is /, ', ')} (allow_private_targets is off)`), '', 0);
            }
            if (options.all)
                return callback(null, usable);
            callback(null, usable[0].address, usable[0].family);
        });
    };
}
/** For a URL whose host is an IP literal: the refusal message, or undefined when it may be used. */
function checkLiteralHost(hostname, allowPrivate) {
    const host = hostname.replace(/^\[|\]$/g, '');
    if (allowPrivate || (0,external_node_net_.isIP)(host) === 0)
        return undefined;
    const reason = privateReason(host);
    return reason && `refused: ${reason} (allow_private_targets is off)`;
}

;// CONCATENATED MODULE: ./src/deliver/webhook.ts








const WEBHOOK_ATTEMPTS = 3;
const WEBHOOK_TIMEOUT_MS = 10_000;
/** The seed's payload: exactly these six fields, in this order, and nothing from the logs. */
function webhookBody(d) {
    return Buffer.from(JSON.stringify({
        alert_id: d.rule.id,
        alert_name: d.rule.name,
        level: d.rule.level,
        match_count: d.match_count,
        window_minutes: d.rule.window_minutes,
        triggered_at: d.triggered_at,
    }));
}
/**
 * A delivery's event id, the same for every attempt so receivers can deduplicate retries (and a re-run
 * after a crash, which decides the same rule at the same tick).
 */
function eventId(d) {
    return `evt_${d.rule.id}_${Date.parse(d.triggered_at) / 1000}`;
}
/** The headers of one attempt: per-attempt id, stable event id, signatures over the exact bytes sent. */
function webhookHeaders(d, body, secrets, nowSeconds, userAgent) {
    const scheme = d.rule.webhook_scheme;
    const id = eventId(d);
    const headers = {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'user-agent': userAgent,
    };
    if (scheme !== 'standard') {
        headers['x-krafter-event'] = 'alert.triggered';
        headers['x-krafter-webhook-id'] = (0,external_node_crypto_.randomUUID)();
        headers['x-krafter-event-id'] = id;
        if (secrets.length > 0)
            headers['x-krafter-signature'] = (0,sign/* signKrafter */.RC)(body, secrets[0]);
    }
    if (scheme !== 'krafter') {
        headers['webhook-id'] = id;
        headers['webhook-timestamp'] = String(nowSeconds);
        if (secrets.length > 0)
            headers['webhook-signature'] = (0,sign/* signStandard */.JK)(id, nowSeconds, body, secrets);
    }
    return headers;
}
/** One attempt: 2xx is success; anything else (3xx included — never followed) is a failure. */
function attempt(url, body, headers, opts) {
    return new Promise((resolve) => {
        const refused = checkLiteralHost(url.hostname, opts.allowPrivate);
        if (refused)
            return resolve({ error: refused });
        const send = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        let settled = false;
        const done = (r) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(r);
        };
        const req = send(url, { method: 'POST', headers, lookup: guardedLookup(opts.allowPrivate), agent: false }, (res) => {
            res.resume(); // the body is not needed; drain it so the socket can close
            res.on('end', () => done({ status: res.statusCode }));
            res.on('error', () => done({ status: res.statusCode }));
        });
        // One deadline for the whole attempt (connect, send, answer), as the seed's "2xx within 10 s".
        const timer = setTimeout(() => {
            done({ error: `no answer within ${opts.timeoutMs / 1000} s` });
            req.destroy();
        }, opts.timeoutMs);
        req.on('error', (err) => done({ error: describe(err) }));
        req.end(body);
    });
}
function describe(err) {
    if (err.code === 'ERR_REFUSED_TARGET')
        return err.message;
    if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
        return `DNS lookup failed for ${err.hostname ?? 'the host'} (${err.code})`;
    if (err.code === 'ECONNREFUSED')
        return 'connection refused';
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE')
        return 'connection reset by the receiver';
    if (/certificate|SSL|TLS|self[- ]signed/i.test(err.message) || err.code?.startsWith('ERR_TLS') || err.code?.includes('CERT'))
        return `TLS error: ${err.message}`;
    return (0,errors/* errorMessage */.g)(err);
}
/** Up to 3 attempts with full-jitter backoff; a refused target is not retried (it will not change). */
async function deliverWebhook(d, url, opts) {
    const target = new URL(url);
    const body = webhookBody(d);
    let last = {};
    for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
        if (i > 0)
            await (0,sleep/* sleep */.y)((0,retry/* backoffDelay */.EY)(i - 1, { baseMs: opts.retryBaseMs, maxMs: 30_000 }));
        const headers = webhookHeaders(d, body, opts.secrets, Math.floor(Date.now() / 1000), opts.userAgent);
        last = await attempt(target, body, headers, opts);
        if (last.status !== undefined && last.status >= 200 && last.status < 300)
            return { ok: true, attempts: i + 1, http_status: last.status };
        if (last.error?.startsWith('refused:'))
            return { ok: false, attempts: i + 1, detail: last.error, refused: true };
    }
    const detail = last.error ?? (last.status !== undefined && last.status >= 300 && last.status < 400 ? `HTTP ${last.status} (redirects are not followed)` : `HTTP ${last.status}`);
    return { ok: false, attempts: WEBHOOK_ATTEMPTS, ...(last.status !== undefined ? { http_status: last.status } : {}), detail };
}

// EXTERNAL MODULE: ./src/deliver/webhook-state.ts
var webhook_state = __webpack_require__(5880);
;// CONCATENATED MODULE: ./src/deliver/deliverer.ts











const envNumber = (v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
/**
 * Delivers every fired decision over every channel its rule names, concurrently with a bound
 * (delivery.concurrency). Each rule's webhook deliveries run in tick order in one task, so its
 * failure counter and auto-disable are counted exactly; email and push are independent tasks.
 */
function createDeliverer(opts) {
    const log = opts.log ?? (() => { });
    return {
        async deliver(decisions, file, state, env) {
            const allowPrivate = opts.allowPrivateTargets || file.delivery.allow_private_targets;
            const timeoutMs = opts.timeoutMs ?? envNumber(env.APIALERTS_WEBHOOK_TIMEOUT_MS) ?? WEBHOOK_TIMEOUT_MS;
            const retryBaseMs = opts.retryBaseMs ?? envNumber(env.APIALERTS_RETRY_BASE_MS) ?? 1000;
            const webhooks = { ...state.webhooks };
            const tasks = [];
            const outcome = (d, channel, rest) => ({
                rule_id: d.rule.id,
                rule_name: d.rule.name,
                channel,
                triggered_at: d.triggered_at,
                attempts: 0,
                ...rest,
            });
            // Webhooks: one sequential task per rule.
            const byRule = new Map();
            for (const d of decisions)
                if (d.rule.channels.includes('webhook') && d.rule.notify_webhook)
                    byRule.set(d.rule.id, [...(byRule.get(d.rule.id) ?? []), d]);
            for (const [ruleId, ds] of byRule) {
                const rule = ds[0].rule;
                const url = rule.notify_webhook;
                let ws = (0,webhook_state/* currentWebhookState */.aw)(webhooks[ruleId], url, rule.webhook_reenabled_at);
                webhooks[ruleId] = ws;
                let secrets = [];
                let secretProblem;
                if (rule.notify_webhook_secret_env) {
                    const value = env[rule.notify_webhook_secret_env];
                    if (!value)
                        secretProblem = `env ${rule.notify_webhook_secret_env} (the webhook secret) is not set`;
                    else {
                        try {
                            secrets = (0,sign/* parseSecrets */.dC)(value, rule.notify_webhook_secret_env);
                        }
                        catch (err) {
                            secretProblem = (0,errors/* errorMessage */.g)(err);
                        }
                    }
                }
                else
                    log(`warning: webhook of "${rule.name}" is unsigned: the rule has no notify_webhook_secret_env`);
                tasks.push(async () => {
                    const out = [];
                    for (const d of ds) {
                        if (!ws.active) {
                            out.push(outcome(d, 'webhook', { status: 'skipped', detail: `webhook inactive since ${ws.disabled_at ?? 'an earlier run'} after ${webhook_state/* AUTO_DISABLE_AFTER */.Yt} consecutive failed deliveries; re-enable with "apialerts alerts webhook-enable" or change the URL` }));
                            continue;
                        }
                        if (secretProblem) {
                            // A configuration problem, not the receiver's: reported, not counted against the webhook.
                            out.push(outcome(d, 'webhook', { status: 'failed', detail: secretProblem }));
                            continue;
                        }
                        const r = await deliverWebhook(d, url, { allowPrivate, timeoutMs, retryBaseMs, secrets, userAgent: `apialerts-evaluate/${version/* VERSION */.x}` });
                        // A target our own policy refused says nothing about the receiver: not counted against it.
                        if (!r.refused)
                            ws = (0,webhook_state/* recordDelivery */.EP)(ws, r.ok, (0,time/* isoSeconds */.n)(Date.now()));
                        webhooks[ruleId] = ws;
                        if (!ws.active)
                            log(`warning: webhook of "${rule.name}" set inactive after ${webhook_state/* AUTO_DISABLE_AFTER */.Yt} consecutive failed deliveries`);
                        out.push(outcome(d, 'webhook', { status: r.ok ? 'delivered' : 'failed', attempts: r.attempts, ...(r.http_status !== undefined ? { http_status: r.http_status } : {}), ...(r.detail ? { detail: r.detail } : {}) }));
                    }
                    return out;
                });
            }
            // Email: one task per decision, over one pooled SMTP transport created on first use.
            let mailer;
            const smtpUrl = env[file.delivery.smtp_url_env];
            for (const d of decisions) {
                if (!d.rule.channels.includes('email') || !d.rule.notify_email)
                    continue;
                tasks.push(async () => {
                    if (!smtpUrl)
                        return [outcome(d, 'email', { status: 'failed', detail: `env ${file.delivery.smtp_url_env} (the SMTP URL) is not set` })];
                    try {
                        mailer ??= createMailer(smtpUrl, file.delivery.email_from, timeoutMs);
                        await (await mailer).send(d.rule.notify_email, emailContent(d, file.project));
                        return [outcome(d, 'email', { status: 'delivered', attempts: 1 })];
                    }
                    catch (err) {
                        return [outcome(d, 'email', { status: 'failed', attempts: 1, detail: redact((0,errors/* errorMessage */.g)(err), smtpUrl) })];
                    }
                });
            }
            // Push through API Alerts.
            const apiKey = env[file.delivery.apialerts_key_env];
            for (const d of decisions) {
                if (!d.rule.channels.includes('apialerts'))
                    continue;
                tasks.push(async () => {
                    if (!apiKey)
                        return [outcome(d, 'apialerts', { status: 'failed', detail: `env ${file.delivery.apialerts_key_env} (the API Alerts key) is not set` })];
                    try {
                        const r = await (0,client/* sendEvent */.BI)(pushEvent(d, file.project), { apiKey, integration: 'apialerts-evaluate', env, timeoutMs, ...(env.APIALERTS_SERVER_URL ? { serverUrl: env.APIALERTS_SERVER_URL } : {}) });
                        return [outcome(d, 'apialerts', { status: 'delivered', attempts: r.attempts, http_status: r.status })];
                    }
                    catch (err) {
                        const status = err.status;
                        return [outcome(d, 'apialerts', { status: 'failed', attempts: 1, ...(status ? { http_status: status } : {}), detail: redact((0,errors/* errorMessage */.g)(err), apiKey) })];
                    }
                });
            }
            const results = (await runPool(tasks, file.delivery.concurrency)).flat();
            if (mailer)
                (await mailer.catch(() => undefined))?.close();
            const order = new Map(decisions.map((d, i) => [`${d.rule.id} ${d.triggered_at}`, i]));
            const channelOrder = { webhook: 0, email: 1, apialerts: 2 };
            results.sort((a, b) => order.get(`${a.rule_id} ${a.triggered_at}`) - order.get(`${b.rule_id} ${b.triggered_at}`) || channelOrder[a.channel] - channelOrder[b.channel]);
            return { outcomes: results, state: { ...state, webhooks } };
        },
    };
}
/** Belt and braces: a secret-bearing value never reaches an outcome, whatever a library put in its message. */
function redact(message, secret) {
    let out = secret ? message.split(secret).join('(redacted)') : message;
    for (const p of (0,userinfo/* urlPasswordForms */.C)(secret))
        out = out.split(p).join('(redacted)');
    return out;
}


/***/ }),

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

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ isoSeconds)
/* harmony export */ });
/** ISO 8601 UTC without milliseconds, as the webhook payload's triggered_at. */
function isoSeconds(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}


/***/ })

};
