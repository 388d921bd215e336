// The library ships type declarations: a consumer file compiled with `tsc --strict` against the
// packed package (npm pack, unpacked into a temp project's node_modules; the package's own
// dependencies linked from this checkout, as an install would provide them). Needs a built dist/ (npm run build).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './events/support.js';

const dir = mkdtempSync(join(tmpdir(), 'consumer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const compile = () => {
  try {
    execFileSync(
      process.execPath,
      [
        TSC,
        '--strict',
        '--noEmit',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        'consumer.ts',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
};

describe('library type declarations', () => {
  it('import { send } from "apialerts-toolkit" compiles under tsc --strict against the packed package', () => {
    const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    const pkgDir = join(dir, 'node_modules/apialerts-toolkit');
    mkdirSync(pkgDir, { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, tgz), '-C', pkgDir, '--strip-components', '1']);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dep of [...Object.keys(pkg.dependencies), '@types/node']) {
      mkdirSync(join(dir, 'node_modules', dep, '..'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep));
    }
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { send, ApiAlertsError, type SendResult } from 'apialerts-toolkit';
import { ApiAlerts } from 'apialerts-toolkit/sdk';
export async function alert(): Promise<SendResult | undefined> {
  try {
    return await send({ message: 'Payment failed', channel: 'payments', tags: ['payment'], data: { id: 1 } }, { apiKey: 'k' });
  } catch (err) {
    if (err instanceof ApiAlertsError) return undefined;
    throw err;
  }
}
export const sdk: typeof ApiAlerts = ApiAlerts;
`,
    );
    expect(compile()).toBe('');
    // And the check can fail: a wrong call is a type error.
    writeFileSync(join(dir, 'consumer.ts'), `import { send } from 'apialerts-toolkit';\nexport const p = send({ mesage: 'typo' });\n`);
    expect(compile()).toMatch(/error TS\d+/);
  }, 600_000);
});
