// Bundles entry points with ncc (ESM) into dist/. With no arguments every entry is rebuilt
// and dist/ is replaced whole, so it is exactly a fresh build of src/; with names
// (`node scripts/build.mjs notify cli`) only those are rebuilt.
import { execFileSync } from 'node:child_process';
import { rmSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const entries = {
  notify: 'src/action/notify.ts',
  evaluate: 'src/action/evaluate.ts',
  cli: 'src/cli/index.ts',
  lib: 'src/lib/index.ts',
};

/**
 * ncc builds `src` into `out`; `minify` as the actions and the CLI are built (for start-up), which
 * benchmarks that build their own copy use too. ncc minifies the entry file only; the chunks its
 * dynamic imports split off (`<id>.index.js`: the CLI's commands, zod, the YAML parser…) are minified
 * here the same way (no compression, names kept), so a command starts by parsing ~40% fewer bytes.
 */
export async function bundle(src, out, { minify: small = true, license = true } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      src,
      '-o',
      out,
      ...(small ? ['--minify'] : []),
      '--no-source-map-register',
      ...(license ? ['--license', 'licenses.txt'] : []),
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  if (!small) return;
  for (const file of readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const path = join(out, file);
    const { code } = await minify(readFileSync(path, 'utf8'), {
      module: true,
      compress: false,
      mangle: { keep_classnames: true, keep_fnames: true },
    });
    writeFileSync(path, code);
  }
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
const wanted = isMain ? process.argv.slice(2) : [];
for (const name of wanted) if (!(name in entries)) throw new Error(`unknown entry "${name}" (known: ${Object.keys(entries).join(', ')})`);
if (isMain && wanted.length === 0) rmSync('dist', { recursive: true, force: true });

for (const [name, src] of isMain ? Object.entries(entries) : []) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  if (!existsSync(src)) continue;
  // The actions and the CLI are minified for start-up; the library is not, so its users' stack
  // traces and error frames point at readable code.
  await bundle(src, out, { minify: name !== 'lib' });
}

// The library's type declarations (package.json exports → types), so `import { send } from
// 'apialerts-toolkit'` type-checks in a consumer's strict TypeScript.
if (isMain && (wanted.length === 0 || wanted.includes('lib'))) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
}

// apialerts-toolkit/sdk (src/lib/sdk.ts): the SDK-shaped names re-exported from the library bundle,
// not a second bundle, so both entries share one ApiAlerts class and one configured client.
if (isMain && (wanted.length === 0 || wanted.includes('lib'))) {
  rmSync('dist/sdk', { recursive: true, force: true });
  mkdirSync('dist/sdk', { recursive: true });
  writeFileSync(
    'dist/sdk/index.js',
    "// apialerts-toolkit/sdk: the apialerts SDK's names (src/lib/sdk.ts), from the library bundle.\nexport { ApiAlerts } from '../lib/index.js';\n",
  );
}
