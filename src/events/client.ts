import { VERSION } from '../version.js';
import { backoffDelay, parseRetryAfter } from '../util/retry.js';
import { sleep } from '../util/sleep.js';
import { ApiAlertsError, statusMessage } from './errors.js';
import { NetworkError, postJson, type HttpResponse } from './http.js';
import { prepareEvent } from './limits.js';
import { parseEvent, type ApiAlertsEvent } from './schema.js';

export { ApiAlertsError } from './errors.js';

export const DEFAULT_SERVER_URL = 'https://api.apialerts.com';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;
/** Retry-After beyond this is not worth waiting for in a CI step or a cron line. */
const MAX_RETRY_AFTER_MS = 60_000;

export interface ClientOptions {
  apiKey: string;
  /** Base URL; `/event` is appended. Falls back to env APIALERTS_SERVER_URL, then the public API. */
  serverUrl?: string;
  /** Sent as X-Integration: `notify-action`, `apialerts-cli`, `js`, `apialerts-evaluate`. */
  integration: string;
  /** Sent as X-Version; this package's version by default. */
  version?: string;
  /** Deadline of each attempt, in ms (30 s, as the official clients). */
  timeoutMs?: number;
  /** Extra attempts after the first on network errors, timeouts and 5xx; never on 4xx. */
  retries?: number;
  /** Environment for the server URL, proxy and backoff settings; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

export interface SendResult {
  status: number;
  workspace?: string;
  channel?: string;
  uuid?: string;
  /** Limit warnings from our own checks, then the server's `warnings` (or legacy `errors`). */
  warnings: string[];
  attempts: number;
}

/** The URL events are posted to, from a base URL with or without a trailing slash. */
export function eventUrl(serverUrl: string): URL {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new ApiAlertsError(`server URL "${serverUrl}" is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiAlertsError(`server URL "${serverUrl}" must start with https:// or http://`);
  }
  if (!url.pathname.endsWith('/event')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/event`;
  return url;
}

/**
 * Sends one event to API Alerts and returns what the server said. Checks the event
 * against the documented limits first; retries network errors, timeouts and 5xx with
 * full-jitter backoff (honouring Retry-After); never retries a 4xx. Throws ApiAlertsError.
 */
export async function sendEvent(event: ApiAlertsEvent, options: ClientOptions): Promise<SendResult> {
  const env = options.env ?? process.env;
  const apiKey = options.apiKey.trim();
  if (!apiKey) throw new ApiAlertsError('no API key given');
  let parsed: ApiAlertsEvent;
  try {
    parsed = parseEvent(event);
  } catch (err) {
    throw new ApiAlertsError((err as Error).message);
  }
  const prepared = prepareEvent(parsed);
  const url = eventUrl(options.serverUrl || env.APIALERTS_SERVER_URL || DEFAULT_SERVER_URL);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const backoff = { baseMs: positiveNumber(env.APIALERTS_RETRY_BASE_MS) ?? 1000, maxMs: 10_000 };
  const headers = {
    Authorization: `Bearer ${apiKey}`,
    'Content-Type': 'application/json',
    'X-Integration': options.integration,
    'X-Version': options.version ?? VERSION,
  };

  for (let attempt = 1; ; attempt++) {
    let response: HttpResponse;
    try {
      response = await postJson(url, prepared.json, headers, timeoutMs, env);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (!(err instanceof NetworkError) || attempt > retries) {
        throw new ApiAlertsError(`could not reach ${url.host}: ${reason}${tries(attempt)}`, { attempts: attempt, cause: err });
      }
      await sleep(backoffDelay(attempt - 1, backoff));
      continue;
    }

    if (response.status >= 200 && response.status < 300) {
      // As v2 (the apialerts SDK): a 2xx that is not the API's answer (a captive portal, a proxy's
      // page, a wrong server URL) means nobody can say the event arrived. Not retried: it may have.
      const answer = readSuccess(response.body);
      if (!answer) {
        throw new ApiAlertsError(
          `${response.status} answer is not the API Alerts JSON (expected an object with workspace and channel${serverText(response.body) ? `, got: ${serverText(response.body)!.split(apiKey).join('***')}` : ', got an empty body'}); is the server URL right?${tries(attempt)}`,
          { status: response.status, attempts: attempt },
        );
      }
      return { ...answer, status: response.status, warnings: [...prepared.warnings, ...readWarnings(response.body)], attempts: attempt };
    }
    // A server (or proxy) that echoes the Authorization header must not leak the key into logs.
    const message = statusMessage(response.status, serverText(response.body)?.split(apiKey).join('***'));
    if (response.status < 500 || attempt > retries) {
      throw new ApiAlertsError(`${message}${tries(attempt)}`, { status: response.status, attempts: attempt });
    }
    const retryAfter = parseRetryAfter(headerValue(response.headers['retry-after']));
    await sleep(retryAfter !== undefined ? Math.min(retryAfter, MAX_RETRY_AFTER_MS) : backoffDelay(attempt - 1, backoff));
  }
}

function tries(attempt: number): string {
  return attempt > 1 ? ` (after ${attempt} attempts)` : '';
}

function positiveNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The API's 200 body: an object naming the workspace and channel; undefined for anything else. */
function readSuccess(body: string): Pick<SendResult, 'workspace' | 'channel' | 'uuid'> | undefined {
  const json = parseJson(body);
  if (!json || !('workspace' in json) || !('channel' in json)) return undefined;
  const out: Pick<SendResult, 'workspace' | 'channel' | 'uuid'> = {};
  if (typeof json.workspace === 'string') out.workspace = json.workspace;
  if (typeof json.channel === 'string') out.channel = json.channel;
  if (typeof json.uuid === 'string') out.uuid = json.uuid;
  return out;
}

/** Non-fatal notes: `warnings` today, `errors` (and a lone `error`) on older servers. */
function readWarnings(body: string): string[] {
  const json = parseJson(body);
  if (!json) return [];
  const out: string[] = [];
  for (const key of ['warnings', 'errors'] as const) {
    const list = json[key];
    if (Array.isArray(list)) for (const w of list) if (typeof w === 'string' && w.trim()) out.push(w.trim());
  }
  if (typeof json.error === 'string' && json.error.trim() && !out.includes(json.error.trim())) out.push(json.error.trim());
  return out;
}

/** The server's own words from an error body, short, for the error message. */
function serverText(body: string): string | undefined {
  const json = parseJson(body);
  const text = json
    ? [json.error, json.message, ...(Array.isArray(json.errors) ? (json.errors as unknown[]) : [])].find(
        (v) => typeof v === 'string' && v.trim(),
      )
    : body.trim();
  if (typeof text !== 'string' || !text) return undefined;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
