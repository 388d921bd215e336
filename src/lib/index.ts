/**
 * The library entry: `import { send } from 'apialerts-toolkit'`.
 * Each capability exports its public surface from here.
 */
export { VERSION } from '../version.js';
