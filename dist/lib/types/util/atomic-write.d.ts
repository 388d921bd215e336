export interface AtomicWriteOptions {
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
export declare function writeFileAtomic(path: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void>;
/**
 * Checks that `path` can be written by writeFileAtomic: creates its directory when missing, then
 * creates and removes a temp file beside it. Throws the file system's error (with its code) when
 * not, so callers refuse to start work whose result could not be recorded.
 */
export declare function ensureWritable(path: string): Promise<void>;
