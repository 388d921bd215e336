export type SignatureScheme = 'krafter' | 'standard';
export interface VerifyOptions {
    /** Standard Webhooks: how far webhook-timestamp may be from now (default 300 s, both ways). */
    toleranceSeconds?: number;
    now?: Date;
    /**
     * Which headers to check; `auto` (default) uses Standard Webhooks when its headers are present and
     * the timestamp-less krafter signature otherwise. Receivers that rely on the timestamp for replay
     * protection (rules with `both`) pass `standard`, so stripping the webhook-* headers cannot downgrade.
     */
    scheme?: SignatureScheme | 'auto';
}
export interface VerifyResult {
    ok: boolean;
    scheme?: SignatureScheme;
    reason?: string;
}
type Headers = Record<string, string | string[] | undefined>;
/**
 * Checks a delivery's signature for receivers, in either scheme, against one secret or several
 * (during a rotation any may match). The raw body must be the exact bytes received, before any
 * JSON parsing. Standard Webhooks also rejects timestamps outside the tolerance (replays).
 */
export declare function verifySignature(rawBody: Buffer | string, headers: Headers, secrets: string | string[] | undefined | null, options?: VerifyOptions): VerifyResult;
export {};
