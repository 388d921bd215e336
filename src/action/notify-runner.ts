import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';

/**
 * The few runner commands the notify action needs, written to the documented protocol
 * (workflow commands on stdout, file commands for outputs and the job summary) instead of
 * importing @actions/core, whose bundle makes the action about 15 ms slower to start (measured by
^ * `npm run bench:notify`, see README.md "Start-up"). Every value passes through `redact`, so a
 * secret never reaches the log, the outputs file or the summary even if it was echoed back.
 */
export class Runner {
  private readonly secrets: string[] = [];
  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly out: (line: string) => void = (line) => process.stdout.write(line + EOL),
  ) {}

  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
  getInput(name: string): string {
    return (this.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  }

  /** `::add-mask::` so the runner hides the value in logs, and local redaction of our own writes. */
  setSecret(value: string): void {
    if (!value) return;
    this.secrets.push(value);
    this.out(`::add-mask::${escapeData(value)}`);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }

  info(message: string): void {
    this.out(this.redact(message));
  }

  warning(message: string): void {
    this.out(`::warning::${escapeData(this.redact(message))}`);
  }

  error(message: string): void {
    this.out(`::error::${escapeData(this.redact(message))}`);
  }

  /** Writes `name<<DELIMITER` blocks to $GITHUB_OUTPUT, as the runner documents for any value. */
  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    const safe = this.redact(value);
    if (!file) {
      this.out(`(output ${name}=${safe})`);
      return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || safe.includes(delimiter)) throw new Error(`output ${name} contains the delimiter`);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${safe}${EOL}${delimiter}${EOL}`, 'utf8');
  }

  /** Appends Markdown to $GITHUB_STEP_SUMMARY (no-op outside a runner). */
  appendSummary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, this.redact(markdown), 'utf8');
  }
}

/** Workflow-command data escaping, as the runner expects it. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
