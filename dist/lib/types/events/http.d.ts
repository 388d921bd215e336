import { NetworkError, type BufferedResponse } from '../util/http.js';
export { NetworkError };
export type HttpResponse = BufferedResponse;
/**
 * One POST to API Alerts through the toolkit's one outbound HTTP helper (src/util/http.ts): a hard
 * deadline for the whole exchange, the proxy the environment names, at most 1 MB of answer kept.
 */
export declare function postJson(url: URL, body: string, headers: Record<string, string>, timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<HttpResponse>;
