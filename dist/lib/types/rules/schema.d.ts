import { z } from '../util/zod.js';
import { type Filter } from '../model/series.js';
export declare const PostgresSourceSchema: z.ZodObject<{
    kind: z.ZodLiteral<"postgres">;
    url_env: z.ZodString;
    table: z.ZodString;
    timestamp_column: z.ZodDefault<z.ZodString>;
    level_column: z.ZodDefault<z.ZodString>;
    message_column: z.ZodOptional<z.ZodString>;
    columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
    fields_column: z.ZodOptional<z.ZodString>;
    level_map: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
        error: "error";
        debug: "debug";
        info: "info";
        warn: "warn";
        fatal: "fatal";
    }>>>;
    timeout_seconds: z.ZodDefault<z.ZodNumber>;
    name: z.ZodString;
}, z.core.$strict>;
export declare const ClickHouseSourceSchema: z.ZodObject<{
    url_env: z.ZodString;
    table: z.ZodString;
    timestamp_column: z.ZodDefault<z.ZodString>;
    level_column: z.ZodDefault<z.ZodString>;
    message_column: z.ZodOptional<z.ZodString>;
    columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
    fields_column: z.ZodOptional<z.ZodString>;
    level_map: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
        error: "error";
        debug: "debug";
        info: "info";
        warn: "warn";
        fatal: "fatal";
    }>>>;
    timeout_seconds: z.ZodDefault<z.ZodNumber>;
    name: z.ZodString;
    kind: z.ZodLiteral<"clickhouse">;
}, z.core.$strict>;
declare const SourceSchema: z.ZodUnion<readonly [z.ZodObject<{
    kind: z.ZodLiteral<"postgres">;
    url_env: z.ZodString;
    table: z.ZodString;
    timestamp_column: z.ZodDefault<z.ZodString>;
    level_column: z.ZodDefault<z.ZodString>;
    message_column: z.ZodOptional<z.ZodString>;
    columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
    fields_column: z.ZodOptional<z.ZodString>;
    level_map: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
        error: "error";
        debug: "debug";
        info: "info";
        warn: "warn";
        fatal: "fatal";
    }>>>;
    timeout_seconds: z.ZodDefault<z.ZodNumber>;
    name: z.ZodString;
}, z.core.$strict>, z.ZodObject<{
    url_env: z.ZodString;
    table: z.ZodString;
    timestamp_column: z.ZodDefault<z.ZodString>;
    level_column: z.ZodDefault<z.ZodString>;
    message_column: z.ZodOptional<z.ZodString>;
    columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
    fields_column: z.ZodOptional<z.ZodString>;
    level_map: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
        error: "error";
        debug: "debug";
        info: "info";
        warn: "warn";
        fatal: "fatal";
    }>>>;
    timeout_seconds: z.ZodDefault<z.ZodNumber>;
    name: z.ZodString;
    kind: z.ZodLiteral<"clickhouse">;
}, z.core.$strict>, z.ZodObject<{
    format: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
        regex: z.ZodString;
        flags: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>]>>;
    timezone: z.ZodOptional<z.ZodString>;
    on_unreadable: z.ZodOptional<z.ZodString>;
    kind: z.ZodLiteral<"stdin">;
    name: z.ZodString;
}, z.core.$strict>, z.ZodObject<{
    format: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
        regex: z.ZodString;
        flags: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>]>>;
    timezone: z.ZodOptional<z.ZodString>;
    on_unreadable: z.ZodOptional<z.ZodString>;
    kind: z.ZodOptional<z.ZodLiteral<"url">>;
    url: z.ZodURL;
    token_env: z.ZodOptional<z.ZodString>;
    name: z.ZodString;
}, z.core.$strict>, z.ZodObject<{
    format: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
        regex: z.ZodString;
        flags: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>]>>;
    timezone: z.ZodOptional<z.ZodString>;
    on_unreadable: z.ZodOptional<z.ZodString>;
    kind: z.ZodOptional<z.ZodLiteral<"file">>;
    path: z.ZodString;
    name: z.ZodString;
}, z.core.$strict>]>;
/** Delivery bounds when the rule file does not set them (bench/deliver.mjs measures them). */
export declare const DEFAULT_CONCURRENCY = 128;
export declare const DEFAULT_PER_HOST_CONCURRENCY = 64;
export declare const CHANNELS: readonly ["email", "webhook", "apialerts"];
/** group_lookback_minutes when a grouped fewer_than rule does not say. */
export declare const DEFAULT_GROUP_LOOKBACK_MINUTES: number;
export declare const DEFAULT_MAX_GROUPS = 100;
export declare const RuleSchema: z.ZodObject<{
    threshold: z.ZodNumber;
    window_minutes: z.ZodNumber;
    group_by: z.ZodOptional<z.ZodArray<z.ZodString>>;
    max_groups: z.ZodOptional<z.ZodNumber>;
    comparison: z.ZodOptional<z.ZodEnum<{
        at_least: "at_least";
        fewer_than: "fewer_than";
    }>>;
    group_lookback_minutes: z.ZodOptional<z.ZodNumber>;
    denominator: z.ZodOptional<z.ZodObject<{
        level: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal" | ("error" | "debug" | "info" | "warn" | "fatal")[], string | string[]>>>;
        min_level: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal", string>>>;
        where: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodObject<{
            field: z.ZodString;
            op: z.ZodString;
            value: z.ZodOptional<z.ZodUnion<readonly [z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>, z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>]>>;
        }, z.core.$strict>, z.ZodTransform<Filter, {
            field: string;
            op: string;
            value?: string | number | boolean | (string | number | boolean)[] | undefined;
        }>>>>;
    }, z.core.$strict>>;
    min_denominator: z.ZodOptional<z.ZodNumber>;
    channels: z.ZodArray<z.ZodEnum<{
        email: "email";
        webhook: "webhook";
        apialerts: "apialerts";
    }>>;
    enabled: z.ZodDefault<z.ZodBoolean>;
    sources: z.ZodOptional<z.ZodArray<z.ZodString>>;
    notify_email: z.ZodOptional<z.ZodEmail>;
    notify_webhook: z.ZodOptional<z.ZodURL>;
    notify_webhook_secret_env: z.ZodOptional<z.ZodString>;
    webhook_scheme: z.ZodDefault<z.ZodEnum<{
        krafter: "krafter";
        standard: "standard";
        both: "both";
    }>>;
    allow_http: z.ZodDefault<z.ZodBoolean>;
    webhook_reenabled_at: z.ZodOptional<z.ZodString>;
    apialerts_channel: z.ZodOptional<z.ZodString>;
    apialerts_tags: z.ZodOptional<z.ZodArray<z.ZodString>>;
    apialerts_link: z.ZodOptional<z.ZodURL>;
    value: z.ZodOptional<z.ZodObject<{
        field: z.ZodString;
        aggregate: z.ZodEnum<{
            max: "max";
            min: "min";
            avg: "avg";
            sum: "sum";
            last: "last";
            p50: "p50";
            p90: "p90";
            p95: "p95";
            p99: "p99";
        }>;
    }, z.core.$strict>>;
    no_data: z.ZodOptional<z.ZodEnum<{
        alert: "alert";
        keep: "keep";
        ok: "ok";
    }>>;
    recovery_threshold: z.ZodOptional<z.ZodNumber>;
    pending_ticks: z.ZodOptional<z.ZodNumber>;
    renotify_minutes: z.ZodOptional<z.ZodNumber>;
    notify_resolved: z.ZodOptional<z.ZodBoolean>;
    level: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal" | ("error" | "debug" | "info" | "warn" | "fatal")[], string | string[]>>>;
    min_level: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal", string>>>;
    where: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodObject<{
        field: z.ZodString;
        op: z.ZodString;
        value: z.ZodOptional<z.ZodUnion<readonly [z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>, z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>]>>;
    }, z.core.$strict>, z.ZodTransform<Filter, {
        field: string;
        op: string;
        value?: string | number | boolean | (string | number | boolean)[] | undefined;
    }>>>>;
    id: z.ZodUUID;
    name: z.ZodString;
}, z.core.$strict>;
export declare const RulesFileSchema: z.ZodObject<{
    project: z.ZodString;
    evaluation: z.ZodDefault<z.ZodObject<{
        interval_minutes: z.ZodDefault<z.ZodNumber>;
        max_catchup_minutes: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    delivery: z.ZodDefault<z.ZodObject<{
        smtp_url_env: z.ZodDefault<z.ZodString>;
        email_from: z.ZodDefault<z.ZodString>;
        apialerts_key_env: z.ZodDefault<z.ZodString>;
        allow_private_targets: z.ZodDefault<z.ZodBoolean>;
        concurrency: z.ZodDefault<z.ZodNumber>;
        per_host_concurrency: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    sources: z.ZodArray<z.ZodUnion<readonly [z.ZodObject<{
        kind: z.ZodLiteral<"postgres">;
        url_env: z.ZodString;
        table: z.ZodString;
        timestamp_column: z.ZodDefault<z.ZodString>;
        level_column: z.ZodDefault<z.ZodString>;
        message_column: z.ZodOptional<z.ZodString>;
        columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
        fields_column: z.ZodOptional<z.ZodString>;
        level_map: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
            error: "error";
            debug: "debug";
            info: "info";
            warn: "warn";
            fatal: "fatal";
        }>>>;
        timeout_seconds: z.ZodDefault<z.ZodNumber>;
        name: z.ZodString;
    }, z.core.$strict>, z.ZodObject<{
        url_env: z.ZodString;
        table: z.ZodString;
        timestamp_column: z.ZodDefault<z.ZodString>;
        level_column: z.ZodDefault<z.ZodString>;
        message_column: z.ZodOptional<z.ZodString>;
        columns: z.ZodOptional<z.ZodArray<z.ZodString>>;
        fields_column: z.ZodOptional<z.ZodString>;
        level_map: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
            error: "error";
            debug: "debug";
            info: "info";
            warn: "warn";
            fatal: "fatal";
        }>>>;
        timeout_seconds: z.ZodDefault<z.ZodNumber>;
        name: z.ZodString;
        kind: z.ZodLiteral<"clickhouse">;
    }, z.core.$strict>, z.ZodObject<{
        format: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
            regex: z.ZodString;
            flags: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>]>>;
        timezone: z.ZodOptional<z.ZodString>;
        on_unreadable: z.ZodOptional<z.ZodString>;
        kind: z.ZodLiteral<"stdin">;
        name: z.ZodString;
    }, z.core.$strict>, z.ZodObject<{
        format: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
            regex: z.ZodString;
            flags: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>]>>;
        timezone: z.ZodOptional<z.ZodString>;
        on_unreadable: z.ZodOptional<z.ZodString>;
        kind: z.ZodOptional<z.ZodLiteral<"url">>;
        url: z.ZodURL;
        token_env: z.ZodOptional<z.ZodString>;
        name: z.ZodString;
    }, z.core.$strict>, z.ZodObject<{
        format: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodObject<{
            regex: z.ZodString;
            flags: z.ZodOptional<z.ZodString>;
        }, z.core.$strict>]>>;
        timezone: z.ZodOptional<z.ZodString>;
        on_unreadable: z.ZodOptional<z.ZodString>;
        kind: z.ZodOptional<z.ZodLiteral<"file">>;
        path: z.ZodString;
        name: z.ZodString;
    }, z.core.$strict>]>>;
    rules: z.ZodPreprocess<z.ZodArray<z.ZodObject<{
        threshold: z.ZodNumber;
        window_minutes: z.ZodNumber;
        group_by: z.ZodOptional<z.ZodArray<z.ZodString>>;
        max_groups: z.ZodOptional<z.ZodNumber>;
        comparison: z.ZodOptional<z.ZodEnum<{
            at_least: "at_least";
            fewer_than: "fewer_than";
        }>>;
        group_lookback_minutes: z.ZodOptional<z.ZodNumber>;
        denominator: z.ZodOptional<z.ZodObject<{
            level: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal" | ("error" | "debug" | "info" | "warn" | "fatal")[], string | string[]>>>;
            min_level: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal", string>>>;
            where: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodObject<{
                field: z.ZodString;
                op: z.ZodString;
                value: z.ZodOptional<z.ZodUnion<readonly [z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>, z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>]>>;
            }, z.core.$strict>, z.ZodTransform<Filter, {
                field: string;
                op: string;
                value?: string | number | boolean | (string | number | boolean)[] | undefined;
            }>>>>;
        }, z.core.$strict>>;
        min_denominator: z.ZodOptional<z.ZodNumber>;
        channels: z.ZodArray<z.ZodEnum<{
            email: "email";
            webhook: "webhook";
            apialerts: "apialerts";
        }>>;
        enabled: z.ZodDefault<z.ZodBoolean>;
        sources: z.ZodOptional<z.ZodArray<z.ZodString>>;
        notify_email: z.ZodOptional<z.ZodEmail>;
        notify_webhook: z.ZodOptional<z.ZodURL>;
        notify_webhook_secret_env: z.ZodOptional<z.ZodString>;
        webhook_scheme: z.ZodDefault<z.ZodEnum<{
            krafter: "krafter";
            standard: "standard";
            both: "both";
        }>>;
        allow_http: z.ZodDefault<z.ZodBoolean>;
        webhook_reenabled_at: z.ZodOptional<z.ZodString>;
        apialerts_channel: z.ZodOptional<z.ZodString>;
        apialerts_tags: z.ZodOptional<z.ZodArray<z.ZodString>>;
        apialerts_link: z.ZodOptional<z.ZodURL>;
        value: z.ZodOptional<z.ZodObject<{
            field: z.ZodString;
            aggregate: z.ZodEnum<{
                max: "max";
                min: "min";
                avg: "avg";
                sum: "sum";
                last: "last";
                p50: "p50";
                p90: "p90";
                p95: "p95";
                p99: "p99";
            }>;
        }, z.core.$strict>>;
        no_data: z.ZodOptional<z.ZodEnum<{
            alert: "alert";
            keep: "keep";
            ok: "ok";
        }>>;
        recovery_threshold: z.ZodOptional<z.ZodNumber>;
        pending_ticks: z.ZodOptional<z.ZodNumber>;
        renotify_minutes: z.ZodOptional<z.ZodNumber>;
        notify_resolved: z.ZodOptional<z.ZodBoolean>;
        level: z.ZodOptional<z.ZodPipe<z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal" | ("error" | "debug" | "info" | "warn" | "fatal")[], string | string[]>>>;
        min_level: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<"error" | "debug" | "info" | "warn" | "fatal", string>>>;
        where: z.ZodOptional<z.ZodArray<z.ZodPipe<z.ZodObject<{
            field: z.ZodString;
            op: z.ZodString;
            value: z.ZodOptional<z.ZodUnion<readonly [z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>, z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>]>>;
        }, z.core.$strict>, z.ZodTransform<Filter, {
            field: string;
            op: string;
            value?: string | number | boolean | (string | number | boolean)[] | undefined;
        }>>>>;
        id: z.ZodUUID;
        name: z.ZodString;
    }, z.core.$strict>>, unknown>;
}, z.core.$strict>;
export type Source = z.infer<typeof SourceSchema>;
export type PostgresSource = z.infer<typeof PostgresSourceSchema>;
export type ClickHouseSource = z.infer<typeof ClickHouseSourceSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RulesFile = z.infer<typeof RulesFileSchema>;
export {};
