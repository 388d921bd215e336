import { closeSync, openSync } from 'node:fs';
import { EOL } from 'node:os';
import { issueCommand, issueFileCommand, prepareKeyValueMessage, summary } from './actions-core.js';
import { Redactor } from '../util/redact.js';

/**
 * The runner as both actions see it: @actions/core speaks the protocol (`::add-mask::`, annotations,
 * the GITHUB_OUTPUT file, the job summary: its modules, ./actions-core.ts); this adds the one thing core leaves to
 * us: every value we write passes through `redact`, so a registered secret never reaches the log,
 * an annotation, the outputs file or the summary, even when a server echoed it back. (The runner
 * masks its log, but not what an action writes to its outputs or summary file.)
 */
export class Runner {
  /** The one redaction of known secrets and URL credentials (src/util/redact.ts), shared with the CLI. */
  private readonly redactor = new Redactor();

  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset (as @actions/core's getInput). */
  getInput(name: string): string {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  /**
   * Masks a secret in the runner's log and redacts it from everything written here: the forms the
   * Redactor takes (src/util/redact.ts secretForms: whole value, URL password, a list's entries of 8
   * characters or more when `list`), each new one sent to the runner as `::add-mask::`.
   */
  setSecret(value: string, options: { list?: boolean } = {}): void {
    for (const v of this.redactor.add(value, options)) issueCommand('add-mask', {}, v);
  }

  /** Known secrets (longest first, whole values and their encoded forms) and every URL's credentials. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  info(message: string): void {
    process.stdout.write(this.redact(message) + EOL);
  }

  warning(message: string): void {
    issueCommand('warning', {}, this.redact(message));
  }

  error(message: string): void {
    issueCommand('error', {}, this.redact(message));
  }

  setOutput(name: string, value: string): void {
    const file = process.env.GITHUB_OUTPUT;
    const safe = this.redact(value);
    if (!file) {
      // Outside a runner: the workflow command @actions/core falls back to.
      process.stdout.write(EOL);
      issueCommand('set-output', { name }, safe);
      return;
    }
    closeSync(openSync(file, 'a')); // as for the summary: core refuses a file not created yet
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, safe));
  }

  /** Appends Markdown to the job summary (nothing outside a runner, where there is no summary file). */
  async appendSummary(markdown: string): Promise<void> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    closeSync(openSync(file, 'a')); // the runner creates it; core refuses a file that is not there yet
    await summary.addRaw(this.redact(markdown)).write();
  }
}
