/**
 * Percent-decode a URL's username or password. WHATWG URL keeps a stray `%` (as in `50%off`) as it
 * is, and decodeURIComponent throws on the whole string then; so each run of `%XX` escapes is decoded
 * on its own (a multi-byte UTF-8 character is one run), and what is not an escape is kept as written.
 */
export function decodeUserinfo(part: string): string {
  return part.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run; // not valid UTF-8: taken literally
    }
  });
}

/**
 * The forms a URL's password can take in text (as written, and decoded), to mask or redact both;
 * none when `value` is not a URL with a password. Read from the text, not with `new URL`, so any
 * scheme and a value that is not a valid URL still give up the password they hold.
 */
export function urlPasswordForms(value: string): string[] {
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@]+)@/i.exec(value)?.[1];
  return password ? [...new Set([password, decodeUserinfo(password)])] : [];
}
