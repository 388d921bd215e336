/**
 * @actions/core's runner protocol, from its own modules: workflow commands (`::add-mask::`,
 * annotations), file commands (GITHUB_OUTPUT) and the job summary. Not through the package's entry
 * (lib/core.js): that also loads its OIDC client (@actions/http-client with undici and tunnel) and its
 * platform helpers (@actions/exec) at start-up, which doubled the notify action's start for nothing
 * either action uses (bench/notify.mjs; docs/notify.md "Start-up"). The package's exports map lists
 * only the entry, so its modules are imported by path.
 */
export { issueCommand } from '../../node_modules/@actions/core/lib/command.js';
export { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
export { summary } from '../../node_modules/@actions/core/lib/summary.js';
