import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every temp directory the tests make (os.tmpdir(), mkdtemp) goes under one
 * directory per run, removed when the run ends, so runs never leave hundreds of directories in /tmp.
 * KEEP_TEST_TMP=1 keeps it (its path is printed) to look at what a test wrote.
 */
export function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'apialerts-vitest-'));
  process.env.TMPDIR = root;
  return () => {
    if (process.env.KEEP_TEST_TMP) console.log(`test temp files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
