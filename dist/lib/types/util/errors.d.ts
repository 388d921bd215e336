import { EXIT } from './exit-codes.js';
export { EXIT };
/**
 * An error caused by the user's input (bad flag, bad file, bad config).
 * Shells print its message without a stack trace and exit with `exitCode`
 * (EXIT.failure by default, as the API Alerts CLI does; the evaluator uses EXIT.badInput for bad input).
 */
export declare class UserError extends Error {
    readonly exitCode: number;
    constructor(message: string, options?: {
        cause?: unknown;
        exitCode?: number;
    });
}
/** The message of anything thrown, without a stack. */
export declare function errorMessage(err: unknown): string;
/**
 * One line saying why a network exchange failed, for every client of the toolkit (API Alerts,
 * webhooks, URL sources, proxies, databases): the usual socket and DNS codes in plain words, TLS
 * problems named as such, anything else as its own message (first line only).
 */
export declare function describeError(err: unknown): string;
