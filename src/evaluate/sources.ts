import { resolve } from 'node:path';
import type { Source } from '../rules/schema.js';
import { formatNameProblem, regexProblem, zoneProblem, type FormatOption } from '../model/log-format.js';
import { EXIT, UserError } from '../util/errors.js';
import type { LineFormatOptions } from './types.js';

/**
 * Sources given on the command line (`--logs`) or as an action input: `-` is stdin, http(s) URLs are
 * streamed, anything else is a path or glob relative to the working directory. They replace the
 * file's sources, so rules' `sources:` restrictions do not apply to them.
 */
export function sourcesFromArgs(logs: string[], cwd = process.cwd(), lineFormat: LineFormatOptions = {}): Source[] {
  const extra = lineFormatOf(lineFormat);
  const items = logs
    .flatMap((l) => l.split(/[\n,]/))
    .map((l) => l.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UserError('--logs was given but names no source', { exitCode: EXIT.badInput });
  if (items.filter((l) => l === '-').length > 1)
    throw new UserError('stdin (-) can be given only once in --logs', { exitCode: EXIT.badInput });
  return items.map((item, i): Source => {
    const name = `logs-${i + 1}`;
    if (item === '-') return { name, kind: 'stdin', ...extra };
    if (/^https?:\/\//i.test(item)) {
      try {
        new URL(item);
      } catch {
        throw new UserError(`--logs: not a valid URL: ${item}`, { exitCode: EXIT.badInput });
      }
      return { name, kind: 'url', url: item, ...extra };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item))
      throw new UserError(`--logs: unsupported scheme in ${item} (use a path, - or an http(s) URL)`, { exitCode: EXIT.badInput });
    return { name, kind: 'file', path: resolve(cwd, item), ...extra };
  });
}

/** --format / --timezone, checked as the rule file's source fields are. */
function lineFormatOf(o: LineFormatOptions): { format?: FormatOption; timezone?: string } {
  const out: { format?: FormatOption; timezone?: string } = {};
  if (o.format !== undefined) {
    const problem = typeof o.format === 'string' ? formatNameProblem(o.format) : regexProblem(o.format.regex, o.format.flags);
    if (problem) throw new UserError(`--format: ${problem}`, { exitCode: EXIT.badInput });
    out.format = o.format;
  }
  if (o.timezone !== undefined) {
    const problem = zoneProblem(o.timezone);
    if (problem) throw new UserError(`--timezone: ${problem}`, { exitCode: EXIT.badInput });
    out.timezone = o.timezone;
  }
  return out;
}
