/**
 * Reads a file the user named, or fails with a UserError naming what it is, the path and why
 * (EXIT.badInput unless `exitCode` says otherwise): "cannot read rule file alerts.yml: ENOENT…".
 */
export declare function readInputFile(path: string, what: string): Promise<Buffer>;
export declare function readInputFile(path: string, what: string, encoding: BufferEncoding, options?: {
    exitCode?: number;
}): Promise<string>;
/** As readInputFile, but a file that does not exist (yet) is undefined: a first run's state, an unset config. */
export declare function readInputFileIfExists(path: string, what: string, options?: {
    exitCode?: number;
}): Promise<string | undefined>;
