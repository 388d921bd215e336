import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snippets } from '../helpers/markdown.js';

/**
 * The README's five-minute walk-through, run as written by a newcomer would: a fresh directory,
 * `apialerts` on PATH (the built CLI), bash. Only the receiver's port is swapped for a free one.
 */
const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

describe('README walk-through: from init to a verified webhook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'walkthrough-'));
    await writeFile(join(dir, 'apialerts'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/cli/index.js')}" "$@"\n`);
    await chmod(join(dir, 'apialerts'), 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs the block as written and the receiver verifies the alert', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Your first threshold alert'), readme.indexOf('## The scheduled alerts workflow'));
    const block = snippets(section).find((s) => s.lang === 'sh');
    expect(block, 'the walk-through has a sh block').toBeDefined();
    const port = String(await freePort());
    const script = `set -e\n${block!.code.replaceAll('8080', port)}\n`;
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, TZ: 'America/New_York' };
    delete env.ALERT_PAYMENT_ERRORS_SECRET;
    const { stdout, stderr } = await run('bash', ['-c', script], { cwd: dir, env, timeout: 60_000 });
    expect(stdout).toContain('FIRED  Payment errors (error >= 3 in 15 min): 2026-11-22T12:00:00Z (5)');
    expect(stdout).toContain('dry run: nothing delivered');
    expect(stdout).toMatch(/✓ verified x-krafter-signature: alert\.triggered "Payment errors": 5 error in 15 min at 2026-11-22T12:00:00Z/);
    expect(stdout).toMatch(/delivered webhook for Payment errors/);
    expect(stdout + stderr).not.toContain(await readFile(join(dir, 'first-alert/.alert-secret'), 'utf8').then((s) => s.trim()));
    const rules = await readFile(join(dir, 'first-alert/alerts.yml'), 'utf8');
    expect(rules).toContain('notify_webhook_secret_env: ALERT_PAYMENT_ERRORS_SECRET');
  }, 90_000);
});
