/**
 * `ApiAlerts`: the shape of the `apialerts` JavaScript SDK (1.3.2), so code that already alerts at the
 * point of failure swaps its import line and gets this toolkit's client: retries on network errors,
 * timeouts and 5xx, the documented limits checked before sending, HTTPS_PROXY/NO_PROXY.
 *
 *   import { ApiAlerts } from 'apialerts-toolkit'
 *   ApiAlerts.configure('your-api-key')                    // the SDK's global singleton
 *   ApiAlerts.send({ message: 'Deploy complete' })         // fire-and-forget: never throws
 *   const r = await ApiAlerts.sendAsync({ message: '…' })  // { success, workspace, channel, warnings, error }
 *
 *   const alerts = new ApiAlerts(process.env.API_ALERTS_KEY)  // a client of its own
 *   await alerts.send({ message: 'Payment failed', channel: 'payments' })  // resolves to the same result
 *
 * Nothing here throws into the caller or rejects: failures are `{ success: false, error }`. Each send
 * has one deadline for all its attempts (30 s, as the SDK's), so a fire-and-forget send never keeps the
 * process alive past it.
 */
import { sendEvent, DEFAULT_SERVER_URL } from '../events/client.js';
import { ApiAlertsError } from '../events/errors.js';
import { backoffDelay } from '../util/retry.js';
import { sleep } from '../util/sleep.js';

/** A notification, as the SDK's `Event`: `message` required, the rest optional and omitted when unset. */
export interface Event {
  message: string;
  channel?: string;
  event?: string;
  title?: string;
  tags?: string[];
  link?: string;
  data?: Record<string, unknown>;
}

/** As the SDK's `SendResult`: never thrown, check `success`. */
export interface SendResult {
  success: boolean;
  workspace?: string;
  channel?: string;
  warnings: string[];
  error?: string;
}

export interface ApiAlertsOptions {
  /** Log successes, warnings and errors (the SDK's `debug`). */
  debug?: boolean;
  /** API base URL; env APIALERTS_SERVER_URL, then https://api.apialerts.com. */
  serverUrl?: string;
  /** One deadline for a send, all attempts included; 30 000 ms. */
  timeoutMs?: number;
  /** Attempts after the first, within the deadline, on network errors, timeouts and 5xx; 2. */
  retries?: number;
  /** X-Integration header; `js` (the SDK's). */
  integration?: string;
  /** X-Version header; this toolkit's version. */
  version?: string;
}

const PREFIX = '(apialerts.com)';
const DEFAULT_DEADLINE_MS = 30_000;
const DEFAULT_RETRIES = 2;

async function deliver(event: Event, apiKey: string, opts: ApiAlertsOptions): Promise<SendResult> {
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_DEADLINE_MS);
  const retries = Math.max(0, Math.floor(opts.retries ?? DEFAULT_RETRIES));
  let lastError = 'no attempt made';
  for (let attempt = 0; attempt <= retries; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      const r = await sendEvent(event, {
        apiKey,
        integration: opts.integration ?? 'js',
        ...(opts.version ? { version: opts.version } : {}),
        ...(opts.serverUrl ? { serverUrl: opts.serverUrl } : {}),
        timeoutMs: remaining,
        retries: 0,
      });
      // The SDK's contract: a success names the workspace and channel it reached.
      if (r.workspace === undefined || r.channel === undefined)
        return { success: false, warnings: [], error: 'invalid response from server' };
      return { success: true, workspace: r.workspace, channel: r.channel, warnings: r.warnings };
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      const status = err instanceof ApiAlertsError ? err.status : undefined;
      const retryable = err instanceof ApiAlertsError && err.attempts > 0 && (status === undefined || status >= 500);
      if (!retryable) break;
      const baseMs = Number(process.env.APIALERTS_RETRY_BASE_MS) || 500;
      const wait = Math.min(backoffDelay(attempt, { baseMs, maxMs: 5_000 }), deadline - Date.now());
      if (attempt < retries && wait > 0) await sleep(wait);
    }
  }
  return { success: false, warnings: [], error: lastError };
}

function report(result: SendResult, debug: boolean): void {
  if (!debug) return;
  if (!result.success) console.error(`x ${PREFIX} Error: ${result.error ?? 'unknown error'}`);
  else {
    console.log(`✓ ${PREFIX} Alert sent to ${result.workspace} (${result.channel})`);
    for (const w of result.warnings) console.warn(`! ${PREFIX} Warning: ${w}`);
  }
}

/** What the SDK checks before sending; `undefined` when the send may go ahead. */
function precheck(event: Event | undefined, key: string | undefined): string | undefined {
  if (!key || !key.trim()) return 'api key is missing';
  if (!event || typeof event.message !== 'string' || !event.message.trim()) return 'message is required';
  return undefined;
}

let singleton: ApiAlerts | null = null;

export class ApiAlerts {
  readonly #apiKey: string | undefined;
  readonly #options: ApiAlertsOptions;

  /** A client of its own (the five-events guide's `new ApiAlerts(key)`); `send` resolves to a SendResult. */
  constructor(apiKey?: string, options: ApiAlertsOptions = {}) {
    this.#apiKey = apiKey;
    this.#options = { ...options };
  }

  /** Sends and resolves to the result; never rejects. `apiKey` overrides the client's for one call. */
  send(event: Event, apiKey?: string): Promise<SendResult> {
    return this.sendAsync(event, apiKey);
  }

  /** The same as `send` on an instance. */
  async sendAsync(event: Event, apiKey?: string): Promise<SendResult> {
    const key = apiKey?.trim() ? apiKey : this.#apiKey;
    const problem = precheck(event, key);
    let result: SendResult;
    try {
      result = problem ? { success: false, warnings: [], error: problem } : await deliver(event, key!, this.#options);
    } catch (err) {
      result = { success: false, warnings: [], error: err instanceof Error ? err.message : String(err) };
    }
    report(result, !!this.#options.debug);
    return result;
  }

  /** Fire-and-forget on an instance: never throws, never rejects; errors logged only with `debug`. */
  fire(event: Event, apiKey?: string): void {
    const key = apiKey?.trim() ? apiKey : this.#apiKey;
    const problem = precheck(event, key);
    if (problem) {
      console.error(`x ${PREFIX} Error: ${problem}`);
      return;
    }
    void this.sendAsync(event, key).catch(() => undefined);
  }

  /** Initialises the global client; the first call wins, later calls are no-ops (as the SDK). */
  static configure(apiKey: string, debug = false, options: Omit<ApiAlertsOptions, 'debug'> = {}): void {
    if (singleton !== null) return;
    singleton = new ApiAlerts(apiKey, { ...options, debug });
  }

  /** The SDK's overrides: X-Integration, X-Version and the base URL of the configured client. */
  static setOverrides(integration: string, version: string, baseUrl: string = DEFAULT_SERVER_URL): void {
    if (singleton === null) return;
    singleton = new ApiAlerts(singleton.#apiKey, { ...singleton.#options, integration, version, serverUrl: baseUrl });
  }

  /** Fire-and-forget with the configured client: never throws; errors are logged only with `debug`. */
  static send(event: Event, apiKey?: string): void {
    try {
      if (singleton === null) {
        console.error(`x ${PREFIX} Error: client not configured`);
        return;
      }
      singleton.fire(event, apiKey);
    } catch {
      // never into the caller
    }
  }

  /** Sends with the configured client and resolves to the result; never rejects. */
  static async sendAsync(event: Event, apiKey?: string): Promise<SendResult> {
    if (singleton === null) return { success: false, warnings: [], error: 'client not configured' };
    return singleton.sendAsync(event, apiKey);
  }

  /** @internal for tests: forget the configured client. */
  static _reset(): void {
    singleton = null;
  }
}
