import { z } from '../util/zod.js';
import { LEVELS } from '../model/levels.js';
import { readCalendarTime } from '../util/calendar-time.js';
import { formatNameProblem, regexProblem, zoneProblem } from '../model/log-format.js';
import { AGGREGATES } from '../model/series.js';
import { lifecycleProblems } from './lifecycle-fields.js';
import { filterOpNamed, NUMERIC_OPS, regexProblem as filterRegexProblem } from '../model/filter.js';
import { LEVEL_ALIASES, levelNamed, type Level } from '../model/levels.js';
import { FILTER_OPS, type Filter } from '../model/series.js';

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

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, _)');

const sourceBase = {
  name: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
};

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
        .object({
          regex: z.string().min(1),
          flags: z
            .string()
            .regex(/^[imsu]*$/, 'flags: any of i, m, s, u')
            .optional(),
        })
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

const FileSourceSchema = z
  .object({
    ...sourceBase,
    kind: z.literal('file').optional(),
    /** A path or glob (relative to the rule file's directory unless absolute); `.gz` read transparently. */
    path: z.string().min(1),
    ...lineFormatFields,
  })
  .strict();

const UrlSourceSchema = z
  .object({
    ...sourceBase,
    kind: z.literal('url').optional(),
    url: z.url({ protocol: /^https?$/ }),
    /** Name of an env var holding a bearer token for the URL. */
    token_env: envName.optional(),
    ...lineFormatFields,
  })
  .strict();

const StdinSourceSchema = z.object({ ...sourceBase, kind: z.literal('stdin'), ...lineFormatFields }).strict();

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

const SourceSchema = z.union([PostgresSourceSchema, ClickHouseSourceSchema, StdinSourceSchema, UrlSourceSchema, FileSourceSchema]);

/** Delivery bounds when the rule file does not set them (bench/deliver.mjs measures them). */
export const DEFAULT_CONCURRENCY = 128;
export const DEFAULT_PER_HOST_CONCURRENCY = 64;

export const CHANNELS = ['email', 'webhook', 'apialerts'] as const;

function toLevel(name: string, ctx: z.RefinementCtx): Level {
  const level = levelNamed(name);
  if (level === undefined) {
    const aliases = Object.keys(LEVEL_ALIASES).filter((k) => !(LEVELS as readonly string[]).includes(k));
    ctx.addIssue({
      code: 'custom',
      message: `unknown level "${name}" (expected one of ${LEVELS.join(', ')}, or an alias: ${aliases.join(', ')})`,
    });
    return z.NEVER;
  }
  return level;
}

/** A level name in a rule: case-insensitive, with the aliases log lines use (ERROR, warning, critical…), stored lower case. */
const levelName = z.string().transform(toLevel);

/** `level:` one name (as today) or a list of names. */
const levelSet = z
  .union([z.string(), z.array(z.string()).min(1)], { error: 'must be a level name or a list of level names' })
  .transform((v, ctx): Level | Level[] => (Array.isArray(v) ? v.map((n) => toLevel(n, ctx)) : toLevel(v, ctx)));

const scalar = z.union([z.string(), z.number().refine(Number.isFinite, 'must be a finite number'), z.boolean()]);
/** A field path: a key, or a dotted path into nested JSON objects; `message` is the format's message. */
const fieldPath = z.string().min(1).max(200);

/**
 * One `where:` condition. Operators are normalized to their names (`>=` → gte); the value is checked
 * against the operator (numbers for comparisons, a list for one_of, a portable regex for matches,
 * nothing for exists), each error naming the field.
 */
const FilterSchema = z
  .object({ field: fieldPath, op: z.string(), value: z.union([scalar, z.array(scalar)]).optional() })
  .strict()
  .transform((f, ctx): Filter => {
    const at = `field "${f.field}"`;
    const op = filterOpNamed(f.op);
    if (!op) {
      ctx.addIssue({
        code: 'custom',
        path: ['op'],
        message: `unknown op "${f.op}" for ${at} (expected one of ${FILTER_OPS.join(', ')}, or = == != in =~ > >= < <=)`,
      });
      return z.NEVER;
    }
    const bad = (message: string) => {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${message} (op ${op} on ${at})` });
      return z.NEVER;
    };
    const v = f.value;
    if (op === 'exists') return v === undefined ? { field: f.field, op } : bad('exists takes no value');
    if (v === undefined) return bad('a value is required');
    if (op === 'one_of')
      return Array.isArray(v) && v.length > 0 ? { field: f.field, op, value: v } : bad('one_of needs a non-empty list of values');
    if (Array.isArray(v)) return bad('a single value is required (a list is for one_of)');
    if (NUMERIC_OPS.includes(op))
      return typeof v === 'number' ? { field: f.field, op, value: v } : bad(`${JSON.stringify(v)} is not a number`);
    if (op === 'matches') {
      if (typeof v !== 'string') return bad('the pattern must be a string');
      const problem = filterRegexProblem(v);
      return problem ? bad(`pattern ${JSON.stringify(v)}: ${problem}`) : { field: f.field, op, value: v };
    }
    if (op === 'contains' && typeof v !== 'string') return bad('contains needs a string');
    return { field: f.field, op, value: v };
  });

/** A selection of entries: the rule's own (level/min_level/where) and a ratio's denominator. */
const selectionFields = {
  level: levelSet.optional(),
  min_level: levelName.optional(),
  where: z.array(FilterSchema).min(1).max(50).optional(),
};

const DenominatorSchema = z
  .object(selectionFields)
  .strict()
  .superRefine((d, ctx) => {
    if (d.level !== undefined && d.min_level !== undefined)
      ctx.addIssue({ code: 'custom', path: ['min_level'], message: 'give level or min_level, not both' });
  });

const MAX_WINDOW_MINUTES = 7 * 24 * 60;
/** group_lookback_minutes when a grouped fewer_than rule does not say. */
export const DEFAULT_GROUP_LOOKBACK_MINUTES = 24 * 60;
export const DEFAULT_MAX_GROUPS = 100;

export const RuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string().min(1).max(200),
    /** One level (as the seed), or a list; case-insensitive with aliases. Absent: any level (needs where or denominator). */
    ...selectionFields,
    /** A count (an integer ≥ 1); a ratio rule's threshold is > 0 and may be fractional; a value rule's any number. */
    threshold: z.number().refine(Number.isFinite, 'must be a finite number'),
    window_minutes: z.number().int().min(1).max(MAX_WINDOW_MINUTES),
    /** One alert instance per distinct tuple of these fields' values, each deduplicated on its own. */
    group_by: z.array(fieldPath).min(1).max(10).optional(),
    /** Instances reported per rule and tick (highest counts first; the rest reported truncated). Default 100. */
    max_groups: z.number().int().min(1).max(10_000).optional(),
    /** at_least (default): count >= threshold; fewer_than: count < threshold (a dead man's switch). */
    comparison: z.enum(['at_least', 'fewer_than']).optional(),
    /** Grouped fewer_than: the groups considered are those with an entry in this lookback (default 1440). */
    group_lookback_minutes: z.number().int().min(1).max(MAX_WINDOW_MINUTES).optional(),
    /** A ratio rule: matching entries divided by the entries of this selection, in the same window (and group). */
    denominator: DenominatorSchema.optional(),
    /** A ratio rule does not fire while the denominator has fewer entries than this (default 1). */
    min_denominator: z.number().int().min(1).optional(),
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
    value: z
      .object({ field: z.string().min(1).max(200), aggregate: z.enum(AGGREGATES) })
      .strict()
      .optional(),
    /** Value rules, a window without any numeric value: keep (default) | ok | alert. */
    no_data: z.enum(['keep', 'ok', 'alert']).optional(),
    /** Resolve only below it (at_least) / at or above it (fewer_than); default: the threshold. */
    recovery_threshold: z.number().refine(Number.isFinite, 'must be a finite number').optional(),
    /** Fire after the condition held this many consecutive ticks (default 1). */
    pending_ticks: z.number().int().min(1).max(10_000).optional(),
    /** Re-notify every this many minutes while firing. */
    renotify_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    /** Send alert.resolved when a firing instance recovers (default true on lifecycle rules). */
    notify_resolved: z.boolean().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    lifecycleProblems(rule).forEach((p) => ctx.addIssue({ code: 'custom', path: [p.field], message: p.message }));
    if (rule.level !== undefined && rule.min_level !== undefined)
      ctx.addIssue({ code: 'custom', path: ['min_level'], message: 'give level or min_level, not both' });
    if (rule.level === undefined && rule.min_level === undefined && !rule.where && !rule.denominator && !rule.value)
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'required unless the rule has where, denominator or value (then it matches any level)',
      });
    const ratio = rule.denominator !== undefined;
    if (ratio && rule.value !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['denominator'],
        message: 'a rule compares a count ratio (denominator) or a value (value), not both',
      });
    if (!ratio && rule.value === undefined && !(Number.isInteger(rule.threshold) && rule.threshold >= 1))
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message:
          'must be a whole number of entries, at least 1 (a fractional threshold is for ratio rules, with denominator, and value rules)',
      });
    if (ratio && !(rule.threshold > 0))
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'must be greater than 0 for a ratio rule' });
    if (!ratio && rule.min_denominator !== undefined)
      ctx.addIssue({ code: 'custom', path: ['min_denominator'], message: 'only for ratio rules (with denominator)' });
    if (rule.max_groups !== undefined && !rule.group_by)
      ctx.addIssue({ code: 'custom', path: ['max_groups'], message: 'only for grouped rules (with group_by)' });
    if (rule.group_lookback_minutes !== undefined) {
      if (!rule.group_by || rule.comparison !== 'fewer_than')
        ctx.addIssue({
          code: 'custom',
          path: ['group_lookback_minutes'],
          message: 'only for grouped fewer_than rules (group_by with comparison: fewer_than)',
        });
      else if (rule.group_lookback_minutes <= rule.window_minutes)
        ctx.addIssue({
          code: 'custom',
          path: ['group_lookback_minutes'],
          message: `must be longer than window_minutes (${rule.window_minutes}): it is how far back a group that went quiet is remembered`,
        });
    } else if (rule.group_by && rule.comparison === 'fewer_than' && DEFAULT_GROUP_LOOKBACK_MINUTES <= rule.window_minutes)
      ctx.addIssue({
        code: 'custom',
        path: ['group_lookback_minutes'],
        message: `required when window_minutes is ${DEFAULT_GROUP_LOOKBACK_MINUTES} or more (the default lookback); set it longer than window_minutes`,
      });
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
        max_catchup_minutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60)
          .default(24 * 60),
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
    // `rules:` with nothing under it is a file with no rules yet, as `rules: []` is (issue 16).
    rules: z.preprocess((v) => (v === null ? [] : v), z.array(RuleSchema)),
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
