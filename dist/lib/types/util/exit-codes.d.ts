/**
 * The exit codes of the CLI and of both actions, in one table (README "Exit codes"):
 * 0 ran and everything due was done; 1 failed (a send that did not go through, an invalid signature,
 * an unexpected error); 2 bad input (flags, inputs, rule/state/config files, sources, secrets),
 * reported before anything was delivered or stored; 3 ran but some deliveries failed.
 */
export declare const EXIT: {
    readonly ok: 0;
    readonly failure: 1;
    readonly badInput: 2;
    readonly deliveryFailed: 3;
};
