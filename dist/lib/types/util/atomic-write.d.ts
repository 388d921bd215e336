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
export declare class ContentChangedError extends Error {
    readonly path: string;
    readonly code = "ECHANGED";
    constructor(path: string);
}
/** The file a write to `path` should replace so a symlink stays a link: the link's target; a new file or a dangling link: the path itself. */
export declare function symlinkTarget(path: string): Promise<string>;
/** A file's text, or null when it does not exist; other errors are thrown. */
export declare function readTextIfExists(path: string): Promise<string | null>;
/**
 * Replaces a file atomically: a temp file in the same directory, written and fsynced, renamed over
 * the target, then the directory fsynced, so a crash leaves either the old content or the new, never
 * half a file, and the rename itself survives a power loss. The file keeps its mode (a 0600 state or
 * rule file stays 0600) and, where permitted, its owner. A symlink is replaced by the file: pass
 * symlinkTarget(path) to keep the link.
 */
export declare function writeFileAtomic(path: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void>;
/**
 * Checks that `path` can be written by writeFileAtomic: creates its directory when missing, then
 * creates and removes a temp file beside it. Throws the file system's error (with its code) when
 * not, so callers refuse to start work whose result could not be recorded.
 */
export declare function ensureWritable(path: string): Promise<void>;
/** Another live process held the lock for the whole wait. */
export declare class LockBusyError extends Error {
    readonly lockPath: string;
    readonly pid: string | undefined;
    readonly code = "ELOCKED";
    constructor(lockPath: string, pid: string | undefined);
}
/**
 * Takes `<path>.lock` (created O_EXCL, holding "pid host"), waiting up to `waitMs` for another holder;
 * a lock left by a dead process on this host is taken over. Returns the release. Throws LockBusyError
 * after the wait, or the file system's error when the lock cannot be created at all.
 */
export declare function lockFile(path: string, opts?: {
    waitMs?: number;
}): Promise<() => Promise<void>>;
export {};
