/**
 * `apialerts-toolkit/sdk`: exactly the names of the `apialerts` SDK (1.3.2): `ApiAlerts`, `Event`,
 * `SendResult`. Swap `from 'apialerts'` for `from 'apialerts-toolkit/sdk'` and nothing else changes.
 */
export { ApiAlerts, type ApiAlertsOptions, type Event, type SendResult } from './apialerts.js';
