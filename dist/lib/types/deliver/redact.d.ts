/**
 * Belt and braces: a secret-bearing value never reaches an outcome, whatever a library put in its
 * message. The toolkit's one redaction (src/util/redact.ts): the value, its URL-password forms and
 * every URL's credentials.
 */
export declare function redact(message: string, secret: string): string;
