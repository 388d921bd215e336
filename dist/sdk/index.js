// apialerts-toolkit/sdk: the apialerts SDK's names (src/lib/sdk.ts), from the library bundle.
export { ApiAlerts } from '../lib/index.js';
