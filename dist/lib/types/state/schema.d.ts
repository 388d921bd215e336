import { z } from '../util/zod.js';
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
declare const WebhookStateSchema: z.ZodObject<{
    url_sha256: z.ZodString;
    active: z.ZodBoolean;
    consecutive_failures: z.ZodNumber;
    disabled_at: z.ZodDefault<z.ZodNullable<z.ZodISODateTime>>;
}, z.core.$strict>;
declare const INSTANCE_STATUSES: readonly ["ok", "pending", "firing"];
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
/**
 * One alert instance of a rule: the rule itself (ungrouped, key "[]") or one group of a grouped rule.
 * Grouped rules without lifecycle fields store only `group` and `last_triggered_at` (per-group dedup);
 * lifecycle rules add the rest.
 */
export declare const InstanceStateSchema: z.ZodObject<{
    group: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
    last_triggered_at: z.ZodNullable<z.ZodISODateTime>;
    status: z.ZodOptional<z.ZodEnum<{
        ok: "ok";
        pending: "pending";
        firing: "firing";
    }>>;
    since: z.ZodOptional<z.ZodNullable<z.ZodISODateTime>>;
    pending_count: z.ZodOptional<z.ZodNumber>;
    last_notified_at: z.ZodOptional<z.ZodNullable<z.ZodISODateTime>>;
    fired_match_count: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
    fire_delivered: z.ZodOptional<z.ZodNullable<z.ZodBoolean>>;
    last_value: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strict>;
declare const StateShape: z.ZodObject<{
    version: z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<2>]>;
    last_evaluated_at: z.ZodNullable<z.ZodISODateTime>;
    rules: z.ZodRecord<z.ZodUUID, z.ZodObject<{
        last_triggered_at: z.ZodNullable<z.ZodISODateTime>;
        instances: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
            group: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
            last_triggered_at: z.ZodNullable<z.ZodISODateTime>;
            status: z.ZodOptional<z.ZodEnum<{
                ok: "ok";
                pending: "pending";
                firing: "firing";
            }>>;
            since: z.ZodOptional<z.ZodNullable<z.ZodISODateTime>>;
            pending_count: z.ZodOptional<z.ZodNumber>;
            last_notified_at: z.ZodOptional<z.ZodNullable<z.ZodISODateTime>>;
            fired_match_count: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
            fire_delivered: z.ZodOptional<z.ZodNullable<z.ZodBoolean>>;
            last_value: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    webhooks: z.ZodRecord<z.ZodUUID, z.ZodObject<{
        url_sha256: z.ZodString;
        active: z.ZodBoolean;
        consecutive_failures: z.ZodNumber;
        disabled_at: z.ZodDefault<z.ZodNullable<z.ZodISODateTime>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
/**
 * Parses a stored state of any supported version (migrating older ones) and normalises the version to
 * what the content needs: 1 when no rule has instances (empty `instances` are dropped), else 2. Used
 * both when loading and before saving, so a state without instances always stores as version 1.
 */
export declare const StateSchema: z.ZodPipe<z.ZodPreprocess<z.ZodObject<{
    version: z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<2>]>;
    last_evaluated_at: z.ZodNullable<z.ZodISODateTime>;
    rules: z.ZodRecord<z.ZodUUID, z.ZodObject<{
        last_triggered_at: z.ZodNullable<z.ZodISODateTime>;
        instances: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
            group: z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodString>>;
            last_triggered_at: z.ZodNullable<z.ZodISODateTime>;
            status: z.ZodOptional<z.ZodEnum<{
                ok: "ok";
                pending: "pending";
                firing: "firing";
            }>>;
            since: z.ZodOptional<z.ZodNullable<z.ZodISODateTime>>;
            pending_count: z.ZodOptional<z.ZodNumber>;
            last_notified_at: z.ZodOptional<z.ZodNullable<z.ZodISODateTime>>;
            fired_match_count: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
            fire_delivered: z.ZodOptional<z.ZodNullable<z.ZodBoolean>>;
            last_value: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    webhooks: z.ZodRecord<z.ZodUUID, z.ZodObject<{
        url_sha256: z.ZodString;
        active: z.ZodBoolean;
        consecutive_failures: z.ZodNumber;
        disabled_at: z.ZodDefault<z.ZodNullable<z.ZodISODateTime>>;
    }, z.core.$strict>>;
}, z.core.$strict>, unknown>, z.ZodTransform<{
    version: 1 | 2;
    last_evaluated_at: string | null;
    rules: Record<string, {
        last_triggered_at: string | null;
        instances?: Record<string, {
            group: Record<string, string | null>;
            last_triggered_at: string | null;
            status?: "ok" | "pending" | "firing" | undefined;
            since?: string | null | undefined;
            pending_count?: number | undefined;
            last_notified_at?: string | null | undefined;
            fired_match_count?: number | null | undefined;
            fire_delivered?: boolean | null | undefined;
            last_value?: number | null | undefined;
        }> | undefined;
    }>;
    webhooks: Record<string, {
        url_sha256: string;
        active: boolean;
        consecutive_failures: number;
        disabled_at: string | null;
    }>;
}, {
    version: 1 | 2;
    last_evaluated_at: string | null;
    rules: Record<string, {
        last_triggered_at: string | null;
        instances?: Record<string, {
            group: Record<string, string | null>;
            last_triggered_at: string | null;
            status?: "ok" | "pending" | "firing" | undefined;
            since?: string | null | undefined;
            pending_count?: number | undefined;
            last_notified_at?: string | null | undefined;
            fired_match_count?: number | null | undefined;
            fire_delivered?: boolean | null | undefined;
            last_value?: number | null | undefined;
        }> | undefined;
    }>;
    webhooks: Record<string, {
        url_sha256: string;
        active: boolean;
        consecutive_failures: number;
        disabled_at: string | null;
    }>;
}>>;
export type WebhookState = z.infer<typeof WebhookStateSchema>;
export type InstanceState = z.infer<typeof InstanceStateSchema>;
export type State = z.infer<typeof StateShape>;
export declare const emptyState: () => State;
/** The version a state needs: 2 when some rule stores instances, else 1. */
export declare function neededVersion(state: Pick<State, 'rules'>): 1 | 2;
/** The key of an instance in `rules[id].instances`: the group_by values as a JSON array ("[]" ungrouped). */
export declare function instanceKey(key: readonly (string | null)[]): string;
export {};
