// Bundles entry points with ncc (ESM) into dist/. With no arguments every entry is rebuilt
// and dist/ is replaced whole, so it is exactly a fresh build of src/; with names
// (`node scripts/build.mjs notify cli`) only those are rebuilt.
import { execFileSync } from 'node:child_process';
import { rmSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const entries = {
  notify: 'src/action/notify.ts',
  evaluate: 'src/action/evaluate.ts',
  cli: 'src/cli/index.ts',
  lib: 'src/lib/index.ts',
};

const wanted = process.argv.slice(2);
for (const name of wanted) if (!(name in entries)) throw new Error(`unknown entry "${name}" (known: ${Object.keys(entries).join(', ')})`);
if (wanted.length === 0) rmSync('dist', { recursive: true, force: true });

for (const [name, src] of Object.entries(entries)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  if (!existsSync(src)) continue;
  execFileSync(
    process.execPath,
    // The actions and the CLI are minified for start-up; the library is not, so its users' stack
    // traces and error frames point at readable code.
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      src,
      '-o',
      out,
      ...(name === 'lib' ? [] : ['--minify']),
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  // ncc minifies the entry file only; the chunks its dynamic imports split off (`<id>.index.js`: the
  // CLI's commands, zod, the YAML parser…) are minified here the same way (no compression, names
  // kept), so a command starts by parsing ~40% fewer bytes.
  if (name !== 'lib') {
    for (const file of readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f))) {
      const path = `${out}/${file}`;
      const { code } = await minify(readFileSync(path, 'utf8'), {
        module: true,
        compress: false,
        mangle: { keep_classnames: true, keep_fnames: true },
      });
      writeFileSync(path, code);
    }
  }
}

// The library's type declarations (package.json exports → types), so `import { send } from
// 'apialerts-toolkit'` type-checks in a consumer's strict TypeScript.
if (wanted.length === 0 || wanted.includes('lib')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
}

// apialerts-toolkit/sdk (src/lib/sdk.ts): the SDK-shaped names re-exported from the library bundle,
// not a second bundle, so both entries share one ApiAlerts class and one configured client.
if (wanted.length === 0 || wanted.includes('lib')) {
  rmSync('dist/sdk', { recursive: true, force: true });
  mkdirSync('dist/sdk', { recursive: true });
  writeFileSync(
    'dist/sdk/index.js',
    "// apialerts-toolkit/sdk: the apialerts SDK's names (src/lib/sdk.ts), from the library bundle.\nexport { ApiAlerts } from '../lib/index.js';\n",
  );
}
