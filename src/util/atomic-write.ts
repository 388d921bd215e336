import { mkdir, open, readFile, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { sleep } from './sleep.js';

/**
 * The one way the toolkit replaces a file (state, CLI config, rule files): atomically, durably,
 * keeping what the file was (mode, owner), optionally as a compare-and-swap under a lock file.
 */
interface AtomicWriteOptions {
  /** Mode of a new file (default 0o644); an existing file keeps its own mode. */
  mode?: number;
  /** Force this mode even over an existing file's (secrets: 0o600). */
  forceMode?: boolean;
  /**
   * Compare-and-swap: replace the file only if it still holds exactly this text (null: only if it
   * does not exist), checked after the new content is on disk, just before the rename; otherwise
   * nothing is written and ContentChangedError is thrown. Writers that all hold the file's lock
   * (lockFile) never race between the check and the rename; one that does not is still detected.
   */
  expected?: string | null;
}

/** The file was not what a compare-and-swap write expected (writeFileAtomic's `expected`): nothing was written. */
export class ContentChangedError extends Error {
  readonly code = 'ECHANGED';
  constructor(readonly path: string) {
    super(`${path} changed since it was read`);
    this.name = 'ContentChangedError';
  }
}

/** The file a write to `path` should replace so a symlink stays a link: the link's target; a new file or a dangling link: the path itself. */
export async function symlinkTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** A file's text, or null when it does not exist; other errors are thrown. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Replaces a file atomically: a temp file in the same directory, written and fsynced, renamed over
 * the target, then the directory fsynced, so a crash leaves either the old content or the new, never
 * half a file, and the rename itself survives a power loss. The file keeps its mode (a 0600 state or
 * rule file stays 0600) and, where permitted, its owner. A symlink is replaced by the file: pass
 * symlinkTarget(path) to keep the link.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  let mode = options.mode ?? 0o644;
  const before = await stat(path).catch(() => undefined);
  if (before && !options.forceMode) mode = before.mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode); // the umask narrowed the mode given to open
    if (before && (before.uid !== process.getuid?.() || before.gid !== process.getgid?.()))
      await handle.chown(before.uid, before.gid).catch(() => {}); // keep the owner where permitted
    await handle.sync();
    await handle.close();
    if (options.expected !== undefined && (await readTextIfExists(path)) !== options.expected) throw new ContentChangedError(path);
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** fsync of a directory, so a rename in it is durable; platforms that cannot (Windows) skip it. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'ENOTSUP') throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Checks that `path` can be written by writeFileAtomic: creates its directory when missing, then
 * creates and removes a temp file beside it. Throws the file system's error (with its code) when
 * not, so callers refuse to start work whose result could not be recorded.
 */
export async function ensureWritable(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const probe = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.probe`);
  const handle = await open(probe, 'wx', 0o600);
  await handle.close();
  await rm(probe, { force: true });
}

// ---- the lock beside a file ---------------------------------------------------------------------

/** Another live process held the lock for the whole wait. */
export class LockBusyError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    readonly lockPath: string,
    readonly pid: string | undefined,
  ) {
    super(`${lockPath} is held by another process${pid ? ` (pid ${pid})` : ''}`);
    this.name = 'LockBusyError';
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `<path>.lock` (created O_EXCL, holding "pid host"), waiting up to `waitMs` for another holder;
 * a lock left by a dead process on this host is taken over. Returns the release. Throws LockBusyError
 * after the wait, or the file system's error when the lock cannot be created at all.
 */
export async function lockFile(path: string, opts: { waitMs?: number } = {}): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  const me = `${process.pid} ${hostname()}\n`;
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      const h = await open(lockPath, 'wx', 0o644);
      await h.writeFile(me);
      await h.close();
      return async () => {
        if ((await readFile(lockPath, 'utf8').catch(() => '')) === me) await unlink(lockPath).catch(() => {});
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readFile(lockPath, 'utf8').catch(() => '');
    const [pid, host] = holder.trim().split(' ');
    if (holder.endsWith('\n') && host === hostname() && !alive(Number(pid))) {
      // Stale: remove it only if it is still the same lock, then try again at once.
      if ((await readFile(lockPath, 'utf8').catch(() => '')) === holder) await unlink(lockPath).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) throw new LockBusyError(lockPath, pid || undefined);
    await sleep(wait + Math.floor(Math.random() * wait));
  }
}
