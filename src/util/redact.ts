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
 * A URL fit to print or store: userinfo (`user:password@`) replaced by `***@`, and the values of
 * credential-looking query and fragment parameters by `***`. Works on the text, not through `new URL`,
 * so any scheme (postgres://, smtp://, clickhouse://) and a malformed URL are redacted alike.
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
  const path = q >= 0 ? beforeHash.slice(0, q) : beforeHash;
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
 * The one redaction of known secrets, shared by the CLI and both actions for everything they print
 * or store: each registered value (its whole text, its URL-password forms, and those as they appear
 * JSON- or URL-encoded) is replaced by `***`, and every URL in the text is redacted (redactUrl).
 *
 * Whole values are masked, never their words: a value is split only when the caller says it is a
 * list (rotation secrets, space-separated), and then only parts of 8 characters or more are masked
 * on their own, so a short word inside a secret never garbles unrelated text.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private sorted: string[] | undefined;

  /** Registers a secret; `list` for a whitespace-separated list of secrets. Returns what was added (for ::add-mask::). */
  add(value: string | undefined | null, options: { list?: boolean } = {}): string[] {
    if (!value) return [];
    const added: string[] = [];
    const put = (v: string, min: number): void => {
      if (v.length < min || this.values.has(v)) return;
      this.values.add(v);
      added.push(v);
      const json = JSON.stringify(v).slice(1, -1);
      if (json !== v) this.values.add(json);
      const encoded = encodeURIComponent(v);
      if (encoded !== v) this.values.add(encoded);
    };
    for (const v of new Set([value, value.trim()])) put(v, MIN_WHOLE);
    for (const form of urlPasswordForms(value.trim())) put(form, MIN_WHOLE);
    if (options.list) {
      for (const part of value.split(/\s+/)) {
        put(part, MIN_PART);
        for (const form of urlPasswordForms(part)) put(form, MIN_WHOLE);
      }
    }
    this.sorted = undefined;
    return added;
  }

  /** The registered values, longest first. */
  secrets(): readonly string[] {
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets()) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return redactUrls(out);
  }
}

/** Whole values are masked at any length, as the runner masks them. */
const MIN_WHOLE = 1;
/** Parts of a list shorter than this are not masked on their own. */
const MIN_PART = 8;

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
