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
export declare function sendHeartbeat(opts: HeartbeatOptions, run: HeartbeatRun): Promise<HeartbeatResult>;
export {};
