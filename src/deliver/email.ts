import type { Decision } from './types.js';
import { lifecycleEmail } from './lifecycle-payload.js';
import { errorMessage } from '../util/errors.js';
import { decodeUserinfo } from '../util/userinfo.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** The X-Alert-Event header; alert.triggered when absent. */
  event?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Subject and body: alert name, project, level, threshold, match count, window and time (the seed's fields and more). */
export function emailContent(d: Decision, project: string): EmailContent {
  const lifecycle = lifecycleEmail(d, project);
  if (lifecycle) return lifecycle;
  const r = d.rule;
  const rows: [string, string][] = [
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
  const text =
    `${r.name} fired for ${project}: ${d.match_count} ${r.level} log entries in the ${r.window_minutes} minutes ` +
    `up to ${d.triggered_at}, at or above the threshold of ${r.threshold}.\n\n` +
    rows.map(([k, v]) => `${k}: ${v}`).join('\n') +
    '\n';
  const html =
    `<p><strong>${escapeHtml(r.name)}</strong> fired for <strong>${escapeHtml(project)}</strong>: ${d.match_count} ` +
    `${escapeHtml(r.level)} log entries in the ${r.window_minutes} minutes up to ${escapeHtml(d.triggered_at)}, ` +
    `at or above the threshold of ${r.threshold}.</p>\n<table>\n` +
    rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n') +
    '\n</table>\n';
  return { subject: subject.replace(/[\r\n]+/g, ' '), text, html };
}

/** nodemailer's codes for failures of the server or the connection, not of one message. */
const SERVER_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'EAUTH', 'ETLS']);

export interface Mailer {
  send(to: string, content: EmailContent): Promise<void>;
  close(): void;
}

/**
 * One SMTP transport per run (pooled connection), from a URL such as smtp://user:pass@host:587
 * (STARTTLS required because there are credentials; `?requireTLS=false` allows plain text) or
 * smtps://user:pass@host:465 (TLS from the start). nodemailer is imported only when an
 * email is due, so runs without email never load it.
 */
export async function createMailer(smtpUrl: string, from: string, timeoutMs: number): Promise<Mailer> {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('the SMTP URL is not a valid URL');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`the SMTP URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  // A password must never cross the wire in clear text just because a STARTTLS offer was stripped
  // on the way: with credentials, STARTTLS is required unless the URL opts out (?requireTLS=false).
  const tlsParam = url.searchParams.get('requireTLS');
  if (tlsParam !== null && tlsParam !== 'true' && tlsParam !== 'false') throw new Error(`the SMTP URL's requireTLS must be true or false (got "${tlsParam}")`);
  const requireTLS = url.protocol === 'smtp:' && (tlsParam === 'true' || (tlsParam === null && url.username !== ''));
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeUserinfo(url.username), pass: decodeUserinfo(url.password) } } : {}),
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
  let serverFailure: string | undefined;
  let probe: Promise<unknown> | undefined;
  let delivered = false;
  let failuresInARow = 0;
  return {
    async send(to, content) {
      if (probe) await probe.catch(() => {});
      if (serverFailure) throw new Error(`not attempted: the SMTP server failed earlier in this run (${serverFailure})`);
      const started = Date.now();
      try {
        const sent = transport.sendMail({ from, to, subject: content.subject, text: content.text, html: content.html, headers: { 'X-Alert-Event': content.event ?? 'alert.triggered' } });
        probe ??= sent;
        await sent;
        delivered = true;
        failuresInARow = 0;
      } catch (err) {
        // nodemailer's messages may quote the server's reply but never the password; strip the URL anyway.
        const message = errorMessage(err).split(smtpUrl).join('(SMTP URL)');
        const code = (err as { code?: string }).code ?? '';
        // Only failures that cost time (or that retrying would repeat against the server: bad
        // credentials, TLS) trip the breaker; a refused connection is cheap to try again.
        const costly = code === 'ETIMEDOUT' || code === 'EAUTH' || code === 'ETLS' || Date.now() - started >= timeoutMs / 2;
        if (SERVER_FAILURES.has(code) && costly) {
          failuresInARow++;
          if (!delivered || failuresInARow >= 3) serverFailure ??= message;
        }
        throw new Error(message);
      }
    },
    close: () => transport.close(),
  };
}
