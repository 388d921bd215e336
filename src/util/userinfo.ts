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
