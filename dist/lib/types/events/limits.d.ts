import type { ApiAlertsEvent } from './schema.js';
/** Server-side limits documented by API Alerts (contracts.md §1); we apply them before sending. */
export declare const LIMITS: {
    readonly message: 500;
    readonly event: 128;
    readonly title: 128;
    readonly channel: 64;
    readonly link: 1000;
    readonly tags: 10;
    readonly tag: 50;
    readonly bodyBytes: number;
};
/** The JSON body we send: the event with empty optional fields left out. */
export type EventBody = {
    message: string;
} & Partial<Omit<ApiAlertsEvent, 'message'>>;
interface PreparedEvent {
    body: EventBody;
    json: string;
    /** What was cut or dropped to fit the limits, one sentence each. */
    warnings: string[];
}
/**
 * Applies the limits the server would apply, so the sender hears about them: over-long
 * texts are cut and extra tags dropped with a warning (the server does the same silently);
 * a link or data outside the documented forms is sent as given with a warning (as v2 sent it);
 * an oversized body is an error because the server would reject it (413).
 */
export declare function prepareEvent(event: ApiAlertsEvent): PreparedEvent;
export {};
