export declare function isCredentialName(name: string): boolean;
/**
 * A URL fit to print or store: userinfo (`user:password@`) replaced by `***@`; path segments that hold
 * a secret (the token of a Slack, Discord, Teams, Telegram, Zapier or IFTTT webhook URL, and any
 * credential-looking segment: isCredentialSegment) by `***`; and the values of credential-looking query
 * and fragment parameters by `***`. Works on the text, not through `new URL`, so any scheme
 * (postgres://, smtp://, clickhouse://) and a malformed URL are redacted alike.
 */
export declare function redactUrl(url: string): string;
/** Every URL inside a text (an error message, a report line) redacted as by redactUrl. */
export declare function redactUrls(text: string): string;
/**
 * The one redaction of known secrets, shared by the CLI and both actions for everything they print
 * or store: every URL in the text is redacted (redactUrl), then each registered value's forms
 * (secretForms, and those as they appear JSON- or URL-encoded) are replaced by `***`.
 */
export declare class Redactor {
    private readonly values;
    private sorted;
    /** Registers a secret's forms (secretForms); `list` for a whitespace-separated list of secrets. Returns the forms new here (for ::add-mask::). */
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
