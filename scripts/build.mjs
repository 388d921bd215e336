// Bundles every entry point with ncc (ESM) into dist/, replacing what was there,
// so dist/ is always exactly a fresh build of src/.
import { execFileSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';

const entries = [
  ['src/action/notify.ts', 'dist/notify'],
  ['src/action/evaluate.ts', 'dist/evaluate'],
  ['src/cli/index.ts', 'dist/cli'],
  ['src/lib/index.ts', 'dist/lib'],
];

rmSync('dist', { recursive: true, force: true });
for (const [src, out] of entries) {
  if (!existsSync(src)) continue;
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', src, '-o', out, '--minify', '--no-source-map-register', '--license', 'licenses.txt', '--quiet'],
    { stdio: 'inherit' },
  );
}
