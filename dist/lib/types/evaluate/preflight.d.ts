import type { DeliveryOutcome } from '../deliver/types.js';
import type { RulesFile, Source } from '../rules/schema.js';
/**
 * Preflight: every environment variable a run will need (webhook secrets, the SMTP URL, the API Alerts
 * key, URL tokens, database URLs) is checked before anything is counted, so a missing or malformed one
 * ends the run with exit 2 naming each variable and who needs it, with the state untouched, instead of
 * a fire that is recorded but can never be delivered.
 */
/** One variable the run needs, and every rule or source that needs it. */
interface NeededVariable {
    name: string;
    /** What it holds, e.g. "the webhook secret". */
    what: string;
    /** The rule file field that names it, e.g. "notify_webhook_secret_env". */
    field: string;
    /** `rule "High Error Rate"`, `source "app-db"`, `the heartbeat`. */
    neededBy: string[];
    /** Checks a present value; returns the problem (never containing the value). */
    check?: (value: string) => string | undefined;
}
interface PreflightOptions {
    /** The sources the run reads (the file's, or those given on the command line). */
    sources: readonly Source[];
    /** Sources given on the command line replace the rules' own source lists. */
    ignoreRuleSources?: boolean;
    /** A dry run delivers nothing: only what counting needs is checked. */
    dryRun?: boolean;
    /** The run sends an API Alerts heartbeat event (needs the API Alerts key). */
    heartbeatEvent?: boolean;
}
/** The variables a run over `file` needs, in the order the rule file names them. */
export declare function neededVariables(file: RulesFile, opts: PreflightOptions): NeededVariable[];
/** Throws a UserError (exit 2) naming every missing or malformed variable; called before counting. */
export declare function preflight(file: RulesFile, env: NodeJS.ProcessEnv, opts: PreflightOptions): NeededVariable[];
/**
 * Rules whose fires in this run must not be recorded: every delivery of them failed for a configuration
 * reason (a target the address policy refuses, a secret that went missing), which says nothing about the
 * receiver and will not heal by waiting out the window. Their last_triggered_at stays as it was.
 */
export declare function unconsumedRules(outcomes: readonly DeliveryOutcome[]): Set<string>;
export {};
