import { sendEvent } from '../events/client.js';
import { postJson } from '../events/http.js';
import { errorMessage } from '../util/errors.js';
import { VERSION } from '../version.js';
import { isoSeconds } from '../model/time.js';

/**
 * The alerter's own pulse: after every run that evaluated and delivered everything, request a heartbeat
 * URL (a dead-man service: healthchecks, Cronitor, Better Stack, a receiver of your own) and/or send an
 * API Alerts event, so something notices when the scheduled runs stop (a disabled schedule, a broken
 * rule file, failing deliveries). A run that failed sends nothing: silence is the signal.
 */
export interface HeartbeatOptions {
  /** POSTed a small JSON summary; a secret (it usually carries a token): never printed. */
  url?: string;
  /** Send an API Alerts event `alerts.heartbeat` with the rule file's API Alerts key. */
  event?: boolean;
}

export interface HeartbeatResult {
  /** What was sent, or why not; never contains the URL or a key. */
  url?: 'sent' | `failed: ${string}`;
  event?: 'sent' | `failed: ${string}`;
}

interface HeartbeatRun {
  project: string;
  ticks: number;
  fired: number;
  apiKey?: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

const HEARTBEAT_TIMEOUT_MS = 10_000;

function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text.split(secret).join('(heartbeat URL)');
  try {
    const u = new URL(secret);
    out = out.split(u.host + u.pathname).join('(heartbeat URL)');
  } catch {
    // not a URL: nothing more to hide
  }
  return out;
}

export async function sendHeartbeat(opts: HeartbeatOptions, run: HeartbeatRun): Promise<HeartbeatResult> {
  const out: HeartbeatResult = {};
  const timeoutMs = run.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  const summary = { project: run.project, ticks: run.ticks, fired: run.fired, at: isoSeconds(Date.now()), version: VERSION };
  const tasks: Promise<void>[] = [];
  if (opts.url) {
    const target = opts.url;
    tasks.push(
      (async () => {
        try {
          let url: URL;
          try {
            url = new URL(target);
          } catch {
            throw new Error('the heartbeat URL is not a valid URL');
          }
          if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new Error('the heartbeat URL must start with https:// or http://');
          const res = await postJson(
            url,
            JSON.stringify(summary),
            { 'Content-Type': 'application/json', 'User-Agent': `apialerts-evaluate/${VERSION}` },
            timeoutMs,
            run.env,
          );
          out.url = res.status >= 200 && res.status < 300 ? 'sent' : `failed: HTTP ${res.status}`;
        } catch (err) {
          out.url = `failed: ${redact(errorMessage(err), target)}`;
        }
      })(),
    );
  }
  if (opts.event) {
    tasks.push(
      (async () => {
        try {
          await sendEvent(
            {
              message: `${run.project}: alerter ran (${run.ticks} tick(s), ${run.fired} fired)`,
              event: 'alerts.heartbeat',
              title: 'Alerter heartbeat',
              tags: ['heartbeat'],
            },
            {
              apiKey: run.apiKey ?? '',
              integration: 'apialerts-evaluate',
              env: run.env,
              timeoutMs,
              retries: 1,
              ...(run.env.APIALERTS_SERVER_URL ? { serverUrl: run.env.APIALERTS_SERVER_URL } : {}),
            },
          );
          out.event = 'sent';
        } catch (err) {
          out.event = `failed: ${redact(errorMessage(err), run.apiKey)}`;
        }
      })(),
    );
  }
  await Promise.all(tasks);
  return out;
}
