import * as z from 'zod/mini';
/** One API Alerts event, as the `POST /event` body accepts it (contracts.md §1). */
export declare const ApiAlertsEventSchema: z.ZodMiniObject<{
    message: z.ZodMiniString<string>;
    channel: z.ZodMiniOptional<z.ZodMiniString<string>>;
    event: z.ZodMiniOptional<z.ZodMiniString<string>>;
    title: z.ZodMiniOptional<z.ZodMiniString<string>>;
    link: z.ZodMiniOptional<z.ZodMiniString<string>>;
    tags: z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniString<string>>>;
    data: z.ZodMiniOptional<z.ZodMiniUnknown>;
}, z.core.$strip>;
export type ApiAlertsEvent = z.infer<typeof ApiAlertsEventSchema>;
/** Parses anything into an event or throws an Error naming each bad field. */
export declare function parseEvent(input: unknown): ApiAlertsEvent;
