/**
 * Percent-decode a URL's username or password. WHATWG URL keeps a stray `%` (as in `50%off`) as it
 * is, and decodeURIComponent throws on the whole string then; so each run of `%XX` escapes is decoded
 * on its own (a multi-byte UTF-8 character is one run), and what is not an escape is kept as written.
 */
export declare function decodeUserinfo(part: string): string;
/**
 * The forms a URL's password can take in text (as written, and decoded), to mask or redact both;
 * none when `value` is not a URL with a password. Read from the text, not with `new URL`, so any
 * scheme and a value that is not a valid URL still give up the password they hold.
 */
export declare function urlPasswordForms(value: string): string[];
