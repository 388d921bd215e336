import type { DeliveryOutcome } from '../deliver/types.js';
import { parseSecrets } from '../deliver/sign.js';
import type { Rule, RulesFile, Source } from '../rules/schema.js';
import { EXIT, UserError } from '../util/errors.js';

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

const ruleLabel = (r: Rule) => `rule "${r.name}"`;

function checkSmtpUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `must start with smtp:// or smtps:// (got ${url.protocol}//)`;
  const tls = url.searchParams.get('requireTLS');
  if (tls !== null && tls !== 'true' && tls !== 'false') return `requireTLS must be true or false`;
  return undefined;
}

function checkConnectionUrl(value: string): string | undefined {
  try {
    new URL(value);
    return undefined;
  } catch {
    return 'not a valid connection URL';
  }
}

/** The variables a run over `file` needs, in the order the rule file names them. */
export function neededVariables(file: RulesFile, opts: PreflightOptions): NeededVariable[] {
  const needed = new Map<string, NeededVariable>();
  // Who needs each variable, as a set beside the ordered list: a lookup per rule, not a scan (linear in rules).
  const neededBy = new Map<string, Set<string>>();
  const need = (name: string, what: string, field: string, by: string, check?: NeededVariable['check']) => {
    const v = needed.get(name);
    if (!v) {
      needed.set(name, { name, what, field, neededBy: [by], ...(check ? { check } : {}) });
      neededBy.set(name, new Set([by]));
    } else if (!neededBy.get(name)!.has(by)) {
      v.neededBy.push(by);
      neededBy.get(name)!.add(by);
    }
  };
  const enabled = file.rules.filter((r) => r.enabled);
  const usedSources = new Set<string>();
  const allSources = opts.sources.map((x) => x.name);
  for (const r of enabled) for (const s of opts.ignoreRuleSources || !r.sources ? allSources : r.sources) usedSources.add(s);
  for (const s of opts.sources) {
    if (!usedSources.has(s.name)) continue;
    const by = `source "${s.name}"`;
    if ((s.kind === 'postgres' || s.kind === 'clickhouse') && 'url_env' in s)
      need(s.url_env, `the ${s.kind === 'postgres' ? 'PostgreSQL' : 'ClickHouse'} connection URL`, 'url_env', by, checkConnectionUrl);
    if ('token_env' in s && s.token_env) need(s.token_env, 'the bearer token of a URL source', 'token_env', by);
  }
  if (!opts.dryRun) {
    for (const r of enabled) {
      if (r.channels.includes('webhook') && r.notify_webhook && r.notify_webhook_secret_env)
        need(r.notify_webhook_secret_env, 'the webhook secret', 'notify_webhook_secret_env', ruleLabel(r), (v) => {
          try {
            parseSecrets(v, r.notify_webhook_secret_env!);
            return undefined;
          } catch (err) {
            return (err as Error).message.replace(/^env \S+:?\s*/, '');
          }
        });
      if (r.channels.includes('email') && r.notify_email)
        need(file.delivery.smtp_url_env, 'the SMTP URL', 'delivery.smtp_url_env', ruleLabel(r), checkSmtpUrl);
      if (r.channels.includes('apialerts'))
        need(file.delivery.apialerts_key_env, 'the API Alerts key', 'delivery.apialerts_key_env', ruleLabel(r));
    }
    if (opts.heartbeatEvent)
      need(file.delivery.apialerts_key_env, 'the API Alerts key', 'delivery.apialerts_key_env', 'the heartbeat event');
  }
  return [...needed.values()];
}

/** The problems, one line each (variable, what is wrong, who needs it); empty when all is well. */
function preflightProblems(needed: readonly NeededVariable[], env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const v of needed) {
    const value = env[v.name];
    const who = `needed by ${v.neededBy.join(', ')} (${v.field})`;
    if (value === undefined || value.trim() === '') problems.push(`${v.name} is not set: ${v.what}, ${who}`);
    else {
      const bad = v.check?.(value);
      if (bad) problems.push(`${v.name} is set but invalid (${bad}): ${v.what}, ${who}`);
    }
  }
  return problems;
}

/** Throws a UserError (exit 2) naming every missing or malformed variable; called before counting. */
export function preflight(file: RulesFile, env: NodeJS.ProcessEnv, opts: PreflightOptions): NeededVariable[] {
  const needed = neededVariables(file, opts);
  const problems = preflightProblems(needed, env);
  if (problems.length > 0)
    throw new UserError(
      `${problems.length} environment variable${problems.length === 1 ? '' : 's'} the rules need ${problems.length === 1 ? 'is' : 'are'} missing or invalid; nothing was counted and the state is untouched:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
      { exitCode: EXIT.badInput },
    );
  return needed;
}

/**
 * Rules whose fires in this run must not be recorded: every delivery of them failed for a configuration
 * reason (a target the address policy refuses, a secret that went missing), which says nothing about the
 * receiver and will not heal by waiting out the window. Their last_triggered_at stays as it was.
 */
export function unconsumedRules(outcomes: readonly DeliveryOutcome[]): Set<string> {
  const byRule = new Map<string, DeliveryOutcome[]>();
  for (const o of outcomes) {
    const list = byRule.get(o.rule_id);
    if (list) list.push(o);
    else byRule.set(o.rule_id, [o]);
  }
  const out = new Set<string>();
  for (const [id, os] of byRule) if (os.length > 0 && os.every((o) => o.status === 'failed' && isConfigFailure(o))) out.add(id);
  return out;
}

/** A failure caused by our configuration, not by the receiver. */
function isConfigFailure(o: DeliveryOutcome): boolean {
  const d = o.detail ?? '';
  return o.attempts === 0 || d.startsWith('refused:') || / is not set\b/.test(d);
}
