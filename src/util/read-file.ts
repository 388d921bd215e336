import { readFile } from 'node:fs/promises';
import { errorMessage, UserError } from './errors.js';
import { EXIT } from './exit-codes.js';

/**
 * Reads a file the user named, or fails with a UserError naming what it is, the path and why
 * (EXIT.badInput unless `exitCode` says otherwise): "cannot read rule file alerts.yml: ENOENT…".
 */
export async function readInputFile(path: string, what: string): Promise<Buffer>;
export async function readInputFile(path: string, what: string, encoding: BufferEncoding, options?: { exitCode?: number }): Promise<string>;
export async function readInputFile(
  path: string,
  what: string,
  encoding?: BufferEncoding,
  options: { exitCode?: number } = {},
): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(path, encoding) : await readFile(path);
  } catch (err) {
    throw readError(path, what, err, options.exitCode);
  }
}

/** As readInputFile, but a file that does not exist (yet) is undefined: a first run's state, an unset config. */
export async function readInputFileIfExists(path: string, what: string, options: { exitCode?: number } = {}): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw readError(path, what, err, options.exitCode);
  }
}

function readError(path: string, what: string, err: unknown, exitCode: number | undefined): UserError {
  return new UserError(`cannot read ${what ? `${what} ` : ''}${path}: ${errorMessage(err)}`, {
    exitCode: exitCode ?? EXIT.badInput,
    cause: err,
  });
}
