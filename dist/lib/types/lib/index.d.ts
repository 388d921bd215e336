/**
 * The library entry: `import { send } from 'apialerts-toolkit'`.
 * Each capability exports its public surface from here.
 */
export { VERSION } from '../version.js';
export { send, type SendOptions } from '../events/send.js';
export { sendEvent, ApiAlertsError, type ClientOptions, type SendResult } from '../events/client.js';
export { ApiAlerts, type ApiAlertsOptions, type Event, type SendResult as ApiAlertsSendResult } from './apialerts.js';
export { ApiAlertsEventSchema, type ApiAlertsEvent } from '../events/schema.js';
export { LIMITS } from '../events/limits.js';
export { countInStore } from '../logs/stores/index.js';
export { runEvaluation } from '../evaluate/run.js';
export { runBacktest, type BacktestOptions, type BacktestReport } from '../evaluate/backtest.js';
export type { EvaluateOptions, EvaluateReport, Decision, RuleReport, SourceStats } from '../evaluate/types.js';
export { createCountProvider } from '../logs/provider.js';
export { createDeliverer, type DelivererOptions } from '../deliver/deliverer.js';
export { verifySignature, type VerifyOptions, type VerifyResult, type SignatureScheme } from '../deliver/verify.js';
export { signKrafter, signStandard, toWhsec } from '../deliver/sign.js';
