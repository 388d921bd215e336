import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

interface AtomicWriteOptions {
  /** Mode of a new file (default 0o644); an existing file keeps its own mode. */
  mode?: number;
  /** Force this mode even over an existing file's (secrets: 0o600). */
  forceMode?: boolean;
  /** Runs after the new content is on disk and before it replaces the file: a compare-and-swap check may throw to abandon the write. */
  beforeRename?: () => Promise<void>;
}

/**
 * Replaces a file atomically: a temp file in the same directory, written and fsynced, then renamed
 * over the target, so a crash leaves either the old content or the new, never half a file. The file
 * keeps its mode (a 0600 state or rule file stays 0600) and, where permitted, its owner. A symlink is replaced by the file the caller
 * resolves it to: pass the link's target (realpath) to keep the link.
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
    await options.beforeRename?.();
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
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
