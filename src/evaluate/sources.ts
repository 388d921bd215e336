import { resolve } from 'node:path';
import type { Source } from '../rules/schema.js';
import { UserError } from '../util/errors.js';

/**
 * Sources given on the command line (`--logs`) or as an action input: `-` is stdin, http(s) URLs are
 * streamed, anything else is a path or glob relative to the working directory. They replace the
 * file's sources, so rules' `sources:` restrictions do not apply to them.
 */
export function sourcesFromArgs(logs: string[], cwd = process.cwd()): Source[] {
  const items = logs.flatMap((l) => l.split(/[\n,]/)).map((l) => l.trim()).filter(Boolean);
  if (items.length === 0) throw new UserError('--logs was given but names no source', { exitCode: 2 });
  if (items.filter((l) => l === '-').length > 1) throw new UserError('stdin (-) can be given only once in --logs', { exitCode: 2 });
  return items.map((item, i): Source => {
    const name = `logs-${i + 1}`;
    if (item === '-') return { name, kind: 'stdin' };
    if (/^https?:\/\//i.test(item)) {
      try {
        new URL(item);
      } catch {
        throw new UserError(`--logs: not a valid URL: ${item}`, { exitCode: 2 });
      }
      return { name, kind: 'url', url: item };
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item)) throw new UserError(`--logs: unsupported scheme in ${item} (use a path, - or an http(s) URL)`, { exitCode: 2 });
    return { name, kind: 'file', path: resolve(cwd, item) };
  });
}
