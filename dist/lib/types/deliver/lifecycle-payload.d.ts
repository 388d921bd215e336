import type { Decision } from './types.js';
import type { ApiAlertsEvent } from '../events/schema.js';
/**
 * The payload parts of the alert lifecycle (docs/lifecycle.md), only on rules and decisions that use
 * them: a value rule's fire adds `value`, `aggregate`, `field`; a resolve is the fired body plus
 * `resolved_at`, `value` (at the resolving tick) and `group` (grouped rules). A decision without these
 * fields gets nothing here, so its payload stays byte for byte the seed's.
 */
export declare function lifecycleBodyFields(d: Decision): Record<string, unknown>;
export declare const isResolve: (d: Decision) => boolean;
/** The event name of a delivery: x-krafter-event, the push event, the email's X-Alert-Event. */
export declare const eventName: (d: Decision) => "alert.triggered" | "alert.resolved";
/** Email for a resolve ("Resolved: …") or a value rule's fire; undefined: the seed's email fits. */
export declare function lifecycleEmail(d: Decision, project: string): {
    subject: string;
    text: string;
    html: string;
    event: string;
} | undefined;
/** The API Alerts event for a resolve (event alert.resolved) or a value rule's fire; undefined: the seed's fits. */
export declare function lifecyclePush(d: Decision, project: string, base: ApiAlertsEvent): ApiAlertsEvent | undefined;
