import { z } from 'zod';
import { LEVELS } from '../model/levels.js';
import { readCalendarTime } from '../util/calendar-time.js';
import { formatNameProblem, regexProblem, zoneProblem } from '../model/log-format.js';
import { AGGREGATES } from '../model/series.js';
import { lifecycleProblems } from './lifecycle-fields.js';

/**
 * The rule file: one zod schema is the single source of truth for what the
 * evaluator, delivery and `apialerts alerts …` accept. Unknown keys are errors
 * (`.strict()`), so a typo never silently disables part of a rule.
 */

/** Env var names: secrets never live in the file, only the name of where they are. */
/** A time the user writes in the rule file: a real calendar time with a zone, as every time the toolkit reads. */
const calendarTime = z.string().superRefine((v, ctx) => {
  const r = readCalendarTime(v);
  if ('problem' in r) ctx.addIssue({ code: 'custom', message: `${r.problem} (got "${v}")` });
});

const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, _)');

const sourceBase = { name: z.string().min(1).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only') };

/** SQL identifiers are validated here and quoted by the store adapters; never interpolated raw. */
const sqlIdent = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*)');
const tableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/, 'must be table or schema.table, plain identifiers only');

/** How lines of a file, URL or stdin are read (docs/formats.md): every field optional. */
const lineFormatFields = {
  /** A built-in format name (`auto`: detect from the first lines, the default), or `{ regex }` with named groups. */
  format: z
    .union([
      z.string().superRefine((v, ctx) => {
        const problem = formatNameProblem(v);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      z
        .object({ regex: z.string().min(1), flags: z.string().regex(/^[imsu]*$/, 'flags: any of i, m, s, u').optional() })
        .strict()
        .superRefine((v, ctx) => {
          const problem = regexProblem(v.regex, v.flags);
          if (problem) ctx.addIssue({ code: 'custom', path: ['regex'], message: problem });
        }),
    ])
    .optional(),
  /** Zone for timestamps written without one: an IANA name (Europe/Berlin) or an offset (+02:00); UTC when absent. */
  timezone: z
    .string()
    .superRefine((v, ctx) => {
      const problem = zoneProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** When most lines cannot be read: `warn` (default) or `error` (the run stops with exit 2). */
  on_unreadable: z
    .string()
    .superRefine((v, ctx) => {
      // A refinement rather than an enum: inside the union of source kinds it keeps its own message.
      if (v !== 'warn' && v !== 'error') ctx.addIssue({ code: 'custom', message: `must be warn or error (got "${v}")` });
    })
    .optional(),
};

export const FileSourceSchema = z
  .object({
    ...sourceBase,
    kind: z.literal('file').optional(),
    /** A path or glob (relative to the rule file's directory unless absolute); `.gz` read transparently. */
    path: z.string().min(1),
    ...lineFormatFields,
  })
  .strict();

export const UrlSourceSchema = z
  .object({
    ...sourceBase,
    kind: z.literal('url').optional(),
    url: z.url({ protocol: /^https?$/ }),
    /** Name of an env var holding a bearer token for the URL. */
    token_env: envName.optional(),
    ...lineFormatFields,
  })
  .strict();

export const StdinSourceSchema = z.object({ ...sourceBase, kind: z.literal('stdin'), ...lineFormatFields }).strict();

const levelMapping = z.record(z.string(), z.enum(LEVELS));

export const PostgresSourceSchema = z
  .object({
    ...sourceBase,
    kind: z.literal('postgres'),
    url_env: envName,
    table: tableName,
    timestamp_column: sqlIdent.default('ts'),
    level_column: sqlIdent.default('level'),
    message_column: sqlIdent.optional(),
    /**
     * Plain columns a rule's where/group_by/value may name as fields (the field name is the column
     * name). Filters and groups on them are pushed down into the query (docs/stores.md).
     */
    columns: z.array(sqlIdent).max(100).optional(),
    /**
     * A column holding each entry's fields as a JSON object (PostgreSQL jsonb/json, ClickHouse String):
     * fields not in `columns` are read from it, dotted paths into nested objects (docs/stores.md).
     */
    fields_column: sqlIdent.optional(),
    /** Store value (as text) → level, when the store keeps numeric or custom levels. */
    level_map: levelMapping.optional(),
    timeout_seconds: z.number().positive().max(600).default(30),
  })
  .strict();

export const ClickHouseSourceSchema = PostgresSourceSchema.extend({ kind: z.literal('clickhouse') }).strict();

export const SourceSchema = z.union([
  PostgresSourceSchema,
  ClickHouseSourceSchema,
  StdinSourceSchema,
  UrlSourceSchema,
  FileSourceSchema,
]);

/** Delivery bounds when the rule file does not set them (bench/deliver.mjs measures them). */
export const DEFAULT_CONCURRENCY = 64;
export const DEFAULT_PER_HOST_CONCURRENCY = 32;

export const CHANNELS = ['email', 'webhook', 'apialerts'] as const;

export const RuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string().min(1).max(200),
    level: z.enum(LEVELS),
    threshold: z.number().int().min(1),
    window_minutes: z.number().int().min(1).max(7 * 24 * 60),
    channels: z.array(z.enum(CHANNELS)).min(1),
    enabled: z.boolean().default(true),
    /** Which sources this rule counts; all sources when absent. */
    sources: z.array(z.string()).min(1).optional(),
    notify_email: z.email().optional(),
    notify_webhook: z.url().optional(),
    /** Name of the env var holding the webhook secret (64 hex chars; several space-separated during a rotation). */
    notify_webhook_secret_env: envName.optional(),
    /** `krafter` (the seed's headers), `standard` (Standard Webhooks), or `both`. */
    webhook_scheme: z.enum(['krafter', 'standard', 'both']).default('krafter'),
    /** Plain http:// webhook URLs are refused unless this is true (local receivers). */
    allow_http: z.boolean().default(false),
    /**
     * Re-activates a webhook that was disabled after repeated failures: a new value starts the webhook
     * afresh, as a new URL does. Written by `apialerts alerts webhook-enable`, so the re-enable works
     * where the state cannot be edited (the Actions cache) and goes through review with the rules.
     */
    webhook_reenabled_at: calendarTime.optional(),
    /** Push through API Alerts: channel, tags and link of the event. */
    apialerts_channel: z.string().max(64).optional(),
    apialerts_tags: z.array(z.string()).max(10).optional(),
    apialerts_link: z.url().optional(),
    // The alert lifecycle (docs/lifecycle.md): a rule setting any of value, recovery_threshold,
    // pending_ticks, renotify_minutes or notify_resolved goes ok → pending → firing → resolved.
    /** A value rule: compare an aggregate of a numeric field over the window instead of the count. */
    value: z.object({ field: z.string().min(1).max(200), aggregate: z.enum(AGGREGATES) }).strict().optional(),
    /** Value rules, a window without any numeric value: keep (default) | ok | alert. */
    no_data: z.enum(['keep', 'ok', 'alert']).optional(),
    /** Resolve only below it (at_least) / at or above it (fewer_than); default: the threshold. */
    recovery_threshold: z.number().refine(Number.isFinite, 'must be a finite number').optional(),
    /** Fire after the condition held this many consecutive ticks (default 1). */
    pending_ticks: z.number().int().min(1).max(10_000).optional(),
    /** Re-notify every this many minutes while firing. */
    renotify_minutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
    /** Send alert.resolved when a firing instance recovers (default true on lifecycle rules). */
    notify_resolved: z.boolean().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    lifecycleProblems(rule).forEach((p) => ctx.addIssue({ code: 'custom', path: [p.field], message: p.message }));
    if (rule.channels.includes('email') && !rule.notify_email)
      ctx.addIssue({ code: 'custom', path: ['notify_email'], message: 'required when channels include "email"' });
    if (rule.channels.includes('webhook') && !rule.notify_webhook)
      ctx.addIssue({ code: 'custom', path: ['notify_webhook'], message: 'required when channels include "webhook"' });
    if (rule.notify_webhook) {
      const protocol = new URL(rule.notify_webhook).protocol;
      if (protocol !== 'https:' && !(protocol === 'http:' && rule.allow_http))
        ctx.addIssue({
          code: 'custom',
          path: ['notify_webhook'],
          message: 'must be https:// (set allow_http: true to allow plain http for a local receiver)',
        });
    }
  });

export const RulesFileSchema = z
  .object({
    project: z.string().min(1),
    evaluation: z
      .object({
        interval_minutes: z.number().int().min(1).max(1440).default(5),
        /** How far back a run catches up on missed ticks; older ticks are skipped and reported. */
        max_catchup_minutes: z.number().int().min(0).max(7 * 24 * 60).default(24 * 60),
      })
      .strict()
      .default({ interval_minutes: 5, max_catchup_minutes: 24 * 60 }),
    delivery: z
      .object({
        /** Env var holding an SMTP URL, e.g. smtps://user:pass@smtp.example.com:465 */
        smtp_url_env: envName.default('SMTP_URL'),
        email_from: z.string().min(3).default('alerts@localhost'),
        /** Env var holding the API Alerts key for the `apialerts` channel. */
        apialerts_key_env: envName.default('APIALERTS_API_KEY'),
        /** Deliver to loopback/private/link-local addresses (self-hosted receivers, tests). */
        allow_private_targets: z.boolean().default(false),
        /** Deliveries in flight at once across all fired rules. */
        concurrency: z.number().int().min(1).max(256).default(DEFAULT_CONCURRENCY),
        /** Deliveries in flight at once to any one host (webhook receiver, SMTP server, API): one slow receiver never takes every slot. */
        per_host_concurrency: z.number().int().min(1).max(256).default(DEFAULT_PER_HOST_CONCURRENCY),
      })
      .strict()
      .default({
        smtp_url_env: 'SMTP_URL',
        email_from: 'alerts@localhost',
        apialerts_key_env: 'APIALERTS_API_KEY',
        allow_private_targets: false,
        concurrency: DEFAULT_CONCURRENCY,
        per_host_concurrency: DEFAULT_PER_HOST_CONCURRENCY,
      }),
    sources: z.array(SourceSchema).min(1),
    rules: z.array(RuleSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.rules.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      ids.add(r.id);
    });
    const names = new Set<string>();
    file.sources.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `duplicate source name ${s.name}` });
      names.add(s.name);
    });
    file.rules.forEach((r, i) =>
      r.sources?.forEach((s, j) => {
        if (!names.has(s)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'sources', j], message: `unknown source "${s}"` });
      }),
    );
  });

export type Source = z.infer<typeof SourceSchema>;
export type PostgresSource = z.infer<typeof PostgresSourceSchema>;
export type ClickHouseSource = z.infer<typeof ClickHouseSourceSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RulesFile = z.infer<typeof RulesFileSchema>;
export type Channel = (typeof CHANNELS)[number];
