import type { Decision as ModelDecision } from '../model/decision.js';
import type { Rule, RulesFile } from '../rules/schema.js';
import type { State } from '../state/schema.js';
/** A rule of the rule file fired at a tick. */
export type Decision = ModelDecision<Rule>;
type DeliveryChannel = 'webhook' | 'email' | 'apialerts';
export interface DeliveryOutcome {
    rule_id: string;
    rule_name: string;
    channel: DeliveryChannel;
    triggered_at: string;
    /** Resolves only (lifecycle rules): the event and when the instance resolved; triggered_at is then the fire's. */
    event?: 'alert.resolved';
    resolved_at?: string;
    /** Grouped rules: the instance's group. */
    group?: Record<string, string | null>;
    /** delivered; failed after retries; skipped (e.g. webhook inactive, secret missing in dry run). */
    status: 'delivered' | 'failed' | 'skipped';
    attempts: number;
    http_status?: number;
    /** Why it failed or was skipped; never contains a secret. */
    detail?: string;
}
export interface DeliveryResult {
    outcomes: DeliveryOutcome[];
    /** The state with webhook counters / active flags updated. */
    state: State;
}
/** Hands fired decisions to every channel their rule names. */
export interface Deliverer {
    deliver(decisions: Decision[], file: RulesFile, state: State, env: NodeJS.ProcessEnv): Promise<DeliveryResult>;
}
export {};
