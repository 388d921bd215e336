import { urlPasswordForms } from './userinfo.js';

/** What a redacted value is replaced with. */
const REDACTED = '***';

/**
 * Query (and fragment) parameter names whose values are credentials: `token`, `sig`, `key`, `apikey`,
 * `api_key`, `password`, `secret`, `access_token`, `X-Amz-Signature`, `X-Amz-Credential`,
 * `X-Goog-Signature`, `client_secret`, `auth`, `session`… (any name containing one of these words).
 */
const CREDENTIAL_WORDS = /token|secret|passw|pwd|signature|credential|auth|session|apikey|api[-_]key|key$|^sig$|^sas$|^code$|^pass$/i;

export function isCredentialName(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep as written
  }
  return CREDENTIAL_WORDS.test(decoded.trim());
}

/** `name=value&…` with every credential-looking value replaced. */
function redactParams(params: string): string {
  return params
    .split(/([&;])/)
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq <= 0) return part;
      return isCredentialName(part.slice(0, eq)) ? `${part.slice(0, eq)}=${REDACTED}` : part;
    })
    .join('');
}

/**
 * Webhook services whose URL path holds the secret, by host: which segments of the path (split on
 * `/`, the empty segment before the leading slash included) are the secret. docs/security.md lists them.
 */
const WEBHOOK_PATHS: readonly { host: RegExp; secret: (parts: readonly string[]) => number[] }[] = [
  // Slack: /services/T…/B…/<secret>, /workflows/T…/A…/<id>/<secret>, /triggers/T…/<id>/<secret>.
  { host: /^hooks\.slack(?:-gov)?\.com$/, secret: (parts) => indexesFrom(parts, 4) },
  // Discord: /api[/v10]/webhooks/<id>/<secret>[/slack|/github].
  { host: /^(?:[a-z0-9-]+\.)?discord(?:app)?\.com$/, secret: (parts) => after(parts, 'webhooks', 2, 1) },
  // Microsoft Teams (Office 365 connectors): …/IncomingWebhook/<secret>/<id>/<signature>.
  { host: /(?:^|\.)webhook\.office\.com$|^outlook\.office(?:365)?\.com$/, secret: (parts) => after(parts, 'incomingwebhook', 1, Infinity) },
  // Telegram: /bot<token>/sendMessage, /file/bot<token>/….
  { host: /^api\.telegram\.org$/, secret: (parts) => parts.flatMap((p, i) => (/^bot\d+:/i.test(decodeSegment(p)) ? [i] : [])) },
  // Zapier: /hooks/catch/<account>/<secret>/.
  { host: /^hooks\.zapier\.com$/, secret: (parts) => after(parts, 'catch', 2, 1) },
  // IFTTT Webhooks: /trigger/<event>/with/key/<secret>, /use/<secret>.
  { host: /^maker\.ifttt\.com$/, secret: (parts) => [...after(parts, 'key', 1, 1), ...after(parts, 'use', 1, 1)] },
];

/** The indexes of the non-empty segments from `start` on. */
function indexesFrom(parts: readonly string[], start: number): number[] {
  const out: number[] = [];
  for (let i = start; i < parts.length; i++) if (parts[i] !== '') out.push(i);
  return out;
}

/** `count` segments starting `offset` after the first segment named `name` (case-insensitive). */
function after(parts: readonly string[], name: string, offset: number, count: number): number[] {
  const at = parts.findIndex((p) => p.toLowerCase() === name);
  if (at < 0) return [];
  return indexesFrom(parts, at + offset).slice(0, count);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A path segment that looks like a credential, on any host: (percent-decoded) it holds a run of 16 or
 * more ASCII letters and digits with at least 2 digits and 4 letters — random tokens, API keys, hex
 * digests, JWT parts. Words, numbers, dates, UUIDs (runs of at most 12) and file names stay readable.
 */
function isCredentialSegment(segment: string): boolean {
  for (const run of decodeSegment(segment).match(/[A-Za-z0-9]{16,}/g) ?? []) {
    const digits = run.replace(/[^0-9]/g, '').length;
    if (digits >= 2 && run.length - digits >= 4) return true;
  }
  return false;
}

/** A URL path with its secret segments (known webhook hosts' secrets; credential-looking segments) replaced by `***`. */
function redactPath(authority: string, path: string): string {
  if (path === '' || path === '/') return path;
  const host = authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const parts = path.split('/');
  const secret = new Set(WEBHOOK_PATHS.find((w) => w.host.test(host))?.secret(parts) ?? []);
  return parts.map((p, i) => (p !== '' && (secret.has(i) || isCredentialSegment(p)) ? REDACTED : p)).join('/');
}

/**
 * A URL fit to print or store: userinfo (`user:password@`) replaced by `***@`; path segments that hold
 * a secret (the token of a Slack, Discord, Teams, Telegram, Zapier or IFTTT webhook URL, and any
 * credential-looking segment: isCredentialSegment) by `***`; and the values of credential-looking query
 * and fragment parameters by `***`. Works on the text, not through `new URL`, so any scheme
 * (postgres://, smtp://, clickhouse://) and a malformed URL are redacted alike.
 */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!m) return url;
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  const host = at >= 0 ? `${REDACTED}@${authority.slice(at + 1)}` : authority;
  const hash = rest.indexOf('#');
  const beforeHash = hash >= 0 ? rest.slice(0, hash) : rest;
  const fragment = hash >= 0 ? rest.slice(hash + 1) : undefined;
  const q = beforeHash.indexOf('?');
  const path = redactPath(authority, q >= 0 ? beforeHash.slice(0, q) : beforeHash);
  const query = q >= 0 ? `?${redactParams(beforeHash.slice(q + 1))}` : '';
  return `${scheme}${host}${path}${query}${fragment !== undefined ? `#${redactParams(fragment)}` : ''}`;
}

/** Every URL inside a text (an error message, a report line) redacted as by redactUrl. */
export function redactUrls(text: string): string {
  // Every URL has `://`: a report of many megabytes without one is not scanned.
  if (!text.includes('://')) return text;
  // Punctuation that ends a sentence or closes a bracket after the URL is not part of it.
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`\\|]+/gi, (match) => {
    const tail = /[).,;:!?\]}]*$/.exec(match)![0];
    return redactUrl(match.slice(0, match.length - tail.length)) + tail;
  });
}

/**
 * The forms of a secret that are masked (the actions' `::add-mask::`) and redacted (Redactor), in
 * that order: the whole value and its trimmed text, the password of a URL it holds (as written and
 * decoded: src/util/userinfo.ts). Whole values are masked, never their words: a value is split only
 * when the caller says it is a list (`list`: rotation secrets, space-separated), and then only parts
 * of 8 characters or more are masked on their own (with their URL passwords), so a short word inside
 * a secret never garbles unrelated text (`t***ble`).
 */
function secretForms(value: string | undefined | null, options: { list?: boolean } = {}): string[] {
  if (!value) return [];
  const forms = new Set([value, value.trim(), ...urlPasswordForms(value.trim())]);
  if (options.list)
    for (const part of value.split(/\s+/)) {
      if (part.length >= MIN_PART) forms.add(part);
      for (const form of urlPasswordForms(part)) forms.add(form);
    }
  forms.delete('');
  return [...forms];
}

/** Parts of a list shorter than this are not masked on their own. */
const MIN_PART = 8;

/**
 * The one redaction of known secrets, shared by the CLI and both actions for everything they print
 * or store: every URL in the text is redacted (redactUrl), then each registered value's forms
 * (secretForms, and those as they appear JSON- or URL-encoded) are replaced by `***`.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private sorted: string[] | undefined;

  /** Registers a secret's forms (secretForms); `list` for a whitespace-separated list of secrets. Returns the forms new here (for ::add-mask::). */
  add(value: string | undefined | null, options: { list?: boolean } = {}): string[] {
    const added: string[] = [];
    for (const v of secretForms(value, options)) {
      if (this.values.has(v)) continue;
      this.values.add(v);
      added.push(v);
      const json = JSON.stringify(v).slice(1, -1);
      if (json !== v) this.values.add(json);
      const encoded = encodeURIComponent(v);
      if (encoded !== v) this.values.add(encoded);
    }
    if (added.length > 0) this.sorted = undefined;
    return added;
  }

  /** The registered values, longest first. */
  secrets(): readonly string[] {
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  redact(text: string): string {
    // URLs first: a registered value masked inside a host name (a short key) would hide the host
    // from redactUrl's webhook-host rules.
    let out = redactUrls(text);
    for (const s of this.secrets()) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }
}

/**
 * Every write to `stream` (stdout, stderr) passes through `redactor` first. The CLI installs this
 * once, so nothing it prints — results, reports, errors, warnings, progress — can carry a secret.
 */
export function redactStream(stream: NodeJS.WriteStream, redactor: Redactor): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- restored as is; called with the stream as this
  const original = stream.write;
  const write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : undefined;
    const safe = text === undefined ? chunk : redactor.redact(text);
    return (original as (...a: unknown[]) => boolean).call(this, safe, ...rest);
  };
  stream.write = write;
  return () => {
    stream.write = original;
  };
}
