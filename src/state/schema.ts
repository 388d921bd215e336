import { z } from 'zod';

/**
 * The state carried between scheduled runs (one JSON file). Holds no secrets and
 * no webhook URLs (only their SHA-256, so a changed URL is noticed and re-enables delivery).
 */
export const WebhookStateSchema = z
  .object({
    url_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    active: z.boolean(),
    consecutive_failures: z.number().int().min(0),
    disabled_at: z.iso.datetime().nullable().default(null),
  })
  .strict();

export const RuleStateSchema = z
  .object({
    last_triggered_at: z.iso.datetime().nullable(),
  })
  .strict();

export const StateSchema = z
  .object({
    version: z.literal(1),
    /** The last evaluation tick completed; the next run catches up from here. */
    last_evaluated_at: z.iso.datetime().nullable(),
    rules: z.record(z.uuid(), RuleStateSchema),
    webhooks: z.record(z.uuid(), WebhookStateSchema),
  })
  .strict();

export type WebhookState = z.infer<typeof WebhookStateSchema>;
export type RuleState = z.infer<typeof RuleStateSchema>;
export type State = z.infer<typeof StateSchema>;

export const emptyState = (): State => ({ version: 1, last_evaluated_at: null, rules: {}, webhooks: {} });
