import type { Source } from '../rules/schema.js';
import type { LineFormatOptions } from './types.js';
/**
 * Sources given on the command line (`--logs`) or as an action input: `-` is stdin, http(s) URLs are
 * streamed, anything else is a path or glob relative to the working directory. They replace the
 * file's sources, so rules' `sources:` restrictions do not apply to them.
 */
export declare function sourcesFromArgs(logs: string[], cwd?: string, lineFormat?: LineFormatOptions): Source[];
