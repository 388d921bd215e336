import type { Decision } from './types.js';
import type { ApiAlertsEvent } from '../events/schema.js';
/** The API Alerts event for a fired rule: event `alert.triggered`, the rule's channel, tags and link. */
export declare function pushEvent(d: Decision, project: string): ApiAlertsEvent;
