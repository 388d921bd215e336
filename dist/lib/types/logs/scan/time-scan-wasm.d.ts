/** The time-scan WebAssembly module (time-scan.wat), base64. */
export declare const TIME_SCAN_WASM: string;
