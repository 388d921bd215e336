import http from 'node:http';
import { type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
/**
 * The one outbound HTTP helper of the toolkit, used by the API Alerts client, webhooks and URL log
 * sources: a deadline, an optional guarded DNS lookup (the address policy of webhooks), and the
 * proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case first, as curl and
 * @actions/http-client read them). Plain node:http(s): no client library to load at start-up.
 */
interface OutboundRequest {
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string | Buffer;
    /**
     * The deadline, in ms. `text` and `drain`: for the whole exchange (connect, send, the whole answer).
     * `stream`: until the answer's headers, then the longest the body may go without a byte.
     */
    timeoutMs: number;
    /**
     * A DNS lookup that refuses addresses (the webhook address policy). Used for the connection to the
     * target, also for an IP-literal host (checked through it before connecting); through a proxy, the
     * target's name is resolved and checked with it before the tunnel is asked for.
     */
    lookup?: LookupFunction;
    /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (process.env by default). */
    env?: NodeJS.ProcessEnv;
    /** `false` for a connection of its own (closed after the answer); the global agent otherwise. */
    agent?: false;
}
export interface BufferedResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: string;
}
interface StreamedResponse {
    status: number;
    headers: http.IncomingHttpHeaders;
    body: Readable;
}
/** A network failure or timeout: the request may be retried. */
export declare class NetworkError extends Error {
    readonly code?: string;
    constructor(message: string, options?: {
        cause?: unknown;
        code?: string;
    });
}
/** The answer as text (at most 1 MB kept); the deadline covers the whole exchange. */
export declare function requestText(url: URL, opts: OutboundRequest): Promise<BufferedResponse>;
/** The status only; the body is read and dropped so the socket can close. Deadline over the whole exchange. */
export declare function requestStatus(url: URL, opts: OutboundRequest): Promise<{
    status: number;
}>;
/** The answer's body as a stream (a large log is never held whole). */
export declare function requestStream(url: URL, opts: OutboundRequest): Promise<StreamedResponse>;
export {};
