// zod/mini rather than the full zod API: same schemas, a smaller bundle and a faster start
// for the notify action (see README.md, "Start-up").
import * as z from 'zod/mini';

/** One API Alerts event, as the `POST /event` body accepts it (contracts.md §1). */
export const ApiAlertsEventSchema = z.object({
  message: z.string().check(z.refine((s) => s.trim().length > 0, 'message is required and must not be empty')),
  channel: z.optional(z.string()),
  event: z.optional(z.string()),
  title: z.optional(z.string()),
  link: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  /** A JSON object by the API's documentation; anything JSON is sent as given (with a warning), as v2 did. */
  data: z.optional(z.unknown()),
});

export type ApiAlertsEvent = z.infer<typeof ApiAlertsEventSchema>;

/** Parses anything into an event or throws an Error naming each bad field. */
export function parseEvent(input: unknown): ApiAlertsEvent {
  const result = ApiAlertsEventSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'event'}: ${i.message}`);
  throw new Error(`invalid event: ${problems.join('; ')}`);
}
