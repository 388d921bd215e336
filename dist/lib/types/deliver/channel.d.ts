import type { Decision } from './types.js';
import type { RulesFile } from '../rules/schema.js';
import type { WebhookState } from '../state/schema.js';
import type { KeyedTask } from './pool.js';
import type { DeliveryOutcome } from './types.js';
/**
 * What every channel builder gets for one delivery run (src/deliver/deliverer.ts composes them): the
 * decisions, the rule file, the environment (secrets are read from it, never stored), the settings of
 * this run, and the webhook states it may update.
 */
export interface ChannelRun {
    decisions: Decision[];
    file: RulesFile;
    env: NodeJS.ProcessEnv;
    allowPrivate: boolean;
    timeoutMs: number;
    retryBaseMs: number;
    log: (line: string) => void;
    /** Webhook state per rule id; the webhook channel replaces entries as deliveries succeed or fail. */
    webhooks: Record<string, WebhookState>;
}
/** A channel's share of a run: tasks keyed by the host they talk to, and clean-up after all tasks ended. */
export interface ChannelTasks {
    tasks: KeyedTask<DeliveryOutcome[]>[];
    finish?: () => Promise<void>;
}
export type ChannelBuilder = (run: ChannelRun) => ChannelTasks;
export declare function outcome(d: Decision, channel: DeliveryOutcome['channel'], rest: Partial<DeliveryOutcome> & Pick<DeliveryOutcome, 'status'>): DeliveryOutcome;
/** The host a URL talks to (host:port), the key of the per-host bound. */
export declare function hostKey(url: string): string;
