import { closeSync, openSync } from 'node:fs';
import * as core from '@actions/core';
import { Redactor } from '../util/redact.js';

/**
 * The runner as both actions see it: @actions/core speaks the protocol (inputs, `::add-mask::`,
 * annotations, the GITHUB_OUTPUT file, the job summary); this adds the one thing core leaves to
 * us: every value we write passes through `redact`, so a registered secret never reaches the log,
 * an annotation, the outputs file or the summary, even when a server echoed it back. (The runner
 * masks its log, but not what an action writes to its outputs or summary file.)
 */
export class Runner {
  /** The one redaction of known secrets and URL credentials (src/util/redact.ts), shared with the CLI. */
  private readonly redactor = new Redactor();

  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
  getInput(name: string): string {
    return core.getInput(name);
  }

  /**
   * Masks a secret in the runner's log and redacts it from everything written here: the forms the
   * Redactor takes (src/util/redact.ts secretForms: whole value, URL password, a list's entries of 8
   * characters or more when `list`), each new one sent to the runner as `::add-mask::`.
   */
  setSecret(value: string, options: { list?: boolean } = {}): void {
    for (const v of this.redactor.add(value, options)) core.setSecret(v);
  }

  /** Known secrets (longest first, whole values and their encoded forms) and every URL's credentials. */
  redact(text: string): string {
    return this.redactor.redact(text);
  }

  info(message: string): void {
    core.info(this.redact(message));
  }

  warning(message: string): void {
    core.warning(this.redact(message));
  }

  error(message: string): void {
    core.error(this.redact(message));
  }

  setOutput(name: string, value: string): void {
    const file = process.env.GITHUB_OUTPUT;
    if (file) closeSync(openSync(file, 'a')); // as for the summary: core refuses a file not created yet
    core.setOutput(name, this.redact(value));
  }

  /** Appends Markdown to the job summary (nothing outside a runner, where there is no summary file). */
  async appendSummary(markdown: string): Promise<void> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    closeSync(openSync(file, 'a')); // the runner creates it; core refuses a file that is not there yet
    await core.summary.addRaw(this.redact(markdown)).write();
  }
}
