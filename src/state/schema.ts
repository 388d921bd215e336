import { z } from '../util/zod.js';
import { migrateStoredState } from './migrate.js';

/**
 * The state carried between scheduled runs (one JSON file). Holds no secrets and
 * no webhook URLs (only their SHA-256, so a changed URL is noticed and re-enables delivery).
 *
 * Versions (docs/lifecycle.md, "State file"): version 1 holds one last_triggered_at per rule; version 2
 * adds per-instance state (`rules[id].instances[<group key>]`) for grouped rules and lifecycle rules.
 * Every version 1 file is a version 2 file without instances (src/state/migrate.ts). A state that
 * needs no instance is written as version 1, byte for byte as before, so older releases keep reading
 * it; the version is raised to 2 only when some rule stores instances.
 */
const WebhookStateSchema = z
  .object({
    url_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    active: z.boolean(),
    consecutive_failures: z.number().int().min(0),
    disabled_at: z.iso.datetime().nullable().default(null),
  })
  .strict();

const INSTANCE_STATUSES = ['ok', 'pending', 'firing'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/**
 * One alert instance of a rule: the rule itself (ungrouped, key "[]") or one group of a grouped rule.
 * Grouped rules without lifecycle fields store only `group` and `last_triggered_at` (per-group dedup);
 * lifecycle rules add the rest.
 */
export const InstanceStateSchema = z
  .object({
    /** The group's field values ({} for an ungrouped rule); null where the entries had no such field. */
    group: z.record(z.string(), z.string().nullable()),
    /** The last fire of this instance (dedup for rules without lifecycle fields). */
    last_triggered_at: z.iso.datetime().nullable(),
    /** Lifecycle rules: where the instance is. Resolved instances are back to ok. */
    status: z.enum(INSTANCE_STATUSES).optional(),
    /** When the current status began (for firing: the tick it fired; for pending: the first tick the condition held). */
    since: z.iso.datetime().nullable().optional(),
    /** Consecutive ticks the condition has held while pending. */
    pending_count: z.number().int().min(0).optional(),
    /** The last fire or re-notification sent for this instance. */
    last_notified_at: z.iso.datetime().nullable().optional(),
    /** match_count of that fire (a resolve repeats the fired body). */
    fired_match_count: z.number().int().min(0).nullable().optional(),
    /** Whether some fire of the current incident reached a channel; a resolve is sent only when one did (null: not known yet). */
    fire_delivered: z.boolean().nullable().optional(),
    /** The count, ratio or aggregate at the last evaluated tick (null: no data). */
    last_value: z.number().nullable().optional(),
  })
  .strict();

const RuleStateSchema = z
  .object({
    last_triggered_at: z.iso.datetime().nullable(),
    /** Version 2: per-instance state, keyed by the group key as JSON (an array of the group_by values, "[]" when ungrouped). */
    instances: z.record(z.string(), InstanceStateSchema).optional(),
  })
  .strict();

const StateShape = z
  .object({
    version: z.union([z.literal(1), z.literal(2)], {
      error: 'unsupported state version (this release reads versions 1 and 2; was the file written by a newer release?)',
    }),
    /** The last evaluation tick completed; the next run catches up from here. */
    last_evaluated_at: z.iso.datetime().nullable(),
    rules: z.record(z.uuid(), RuleStateSchema),
    webhooks: z.record(z.uuid(), WebhookStateSchema),
  })
  .strict();

/**
 * Parses a stored state of any supported version (migrating older ones) and normalises the version to
 * what the content needs: 1 when no rule has instances (empty `instances` are dropped), else 2. Used
 * both when loading and before saving, so a state without instances always stores as version 1.
 */
export const StateSchema = z.preprocess(migrateStoredState, StateShape).transform(normalizeVersion);

export type WebhookState = z.infer<typeof WebhookStateSchema>;
export type InstanceState = z.infer<typeof InstanceStateSchema>;
export type State = z.infer<typeof StateShape>;

export const emptyState = (): State => ({ version: 1, last_evaluated_at: null, rules: {}, webhooks: {} });

/** The version a state needs: 2 when some rule stores instances, else 1. */
export function neededVersion(state: Pick<State, 'rules'>): 1 | 2 {
  for (const r of Object.values(state.rules)) if (r.instances && Object.keys(r.instances).length > 0) return 2;
  return 1;
}

function normalizeVersion(state: State): State {
  const rules: State['rules'] = {};
  for (const [id, r] of Object.entries(state.rules)) {
    if (r.instances && Object.keys(r.instances).length === 0) {
      const { instances: _drop, ...rest } = r;
      rules[id] = rest;
    } else rules[id] = r;
  }
  return { version: neededVersion({ rules }), last_evaluated_at: state.last_evaluated_at, rules, webhooks: state.webhooks };
}

/** The key of an instance in `rules[id].instances`: the group_by values as a JSON array ("[]" ungrouped). */
export function instanceKey(key: readonly (string | null)[]): string {
  return JSON.stringify(key);
}
