/** Splits an env var value into secrets; throws naming the env var (never the value) when malformed. */
export declare function parseSecrets(value: string, envName: string): string[];
/** `sha256=<hex HMAC-SHA256 of the exact bytes>` — the seed's x-krafter-signature value. The HMAC key is the hex string's UTF-8 bytes, as in the seed's receiver. */
export declare function signKrafter(body: Buffer | string, secret: string): string;
/** The Standard Webhooks key for one of our hex secrets: its 32 raw bytes. As `whsec_<base64>` for receivers' libraries. */
export declare function standardKey(secret: string): Buffer;
export declare function toWhsec(secret: string): string;
/** `v1,<base64>` over `id.timestamp.body` for each secret, space-separated (Standard Webhooks). */
export declare function signStandard(id: string, timestampSeconds: number, body: Buffer | string, secrets: string[]): string;
