/** What a redacted value is replaced with. */
export declare const REDACTED = "***";
export declare function isCredentialName(name: string): boolean;
/**
 * A URL fit to print or store: userinfo (`user:password@`) replaced by `***@`, and the values of
 * credential-looking query and fragment parameters by `***`. Works on the text, not through `new URL`,
 * so any scheme (postgres://, smtp://, clickhouse://) and a malformed URL are redacted alike.
 */
export declare function redactUrl(url: string): string;
/** Every URL inside a text (an error message, a report line) redacted as by redactUrl. */
export declare function redactUrls(text: string): string;
/**
 * The one redaction of known secrets, shared by the CLI and both actions for everything they print
 * or store: each registered value (its whole text, its URL-password forms, and those as they appear
 * JSON- or URL-encoded) is replaced by `***`, and every URL in the text is redacted (redactUrl).
 *
 * Whole values are masked, never their words: a value is split only when the caller says it is a
 * list (rotation secrets, space-separated), and then only parts of 8 characters or more are masked
 * on their own, so a short word inside a secret never garbles unrelated text.
 */
export declare class Redactor {
    private readonly values;
    private sorted;
    /** Registers a secret; `list` for a whitespace-separated list of secrets. Returns what was added (for ::add-mask::). */
    add(value: string | undefined | null, options?: {
        list?: boolean;
    }): string[];
    /** The registered values, longest first. */
    secrets(): readonly string[];
    redact(text: string): string;
}
/**
 * Every write to `stream` (stdout, stderr) passes through `redactor` first. The CLI installs this
 * once, so nothing it prints — results, reports, errors, warnings, progress — can carry a secret.
 */
export declare function redactStream(stream: NodeJS.WriteStream, redactor: Redactor): () => void;
