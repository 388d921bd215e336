import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every dependency in package.json is used: imported (or resolved) by src/, test/, bench/, scripts/ or
 * a config file (a node_modules/<name>/ path counts), or run by an npm script through its binary. `@types/x` counts when x is used.
 */
const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Used in ways no import shows: the name is the config's, not the package's. */
const USED_BY_CONFIG: Record<string, string> = {
  '@stryker-mutator/vitest-runner': 'stryker.config.json "testRunner": "vitest"',
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'fixtures' || e.name === 'data' || e.name === 'node_modules'
      ? []
      : e.isDirectory()
        ? files(join(dir, e.name))
        : /\.(ts|mts|mjs|js|json|sh)$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
  );
}

function sources(): string {
  const top = readdirSync(ROOT).filter((f) => /\.(ts|js|mjs|json)$/.test(f) && f !== 'package.json' && f !== 'package-lock.json');
  const all = [...['src', 'test', 'bench', 'scripts', '.ci'].flatMap((d) => files(join(ROOT, d))), ...top.map((f) => join(ROOT, f))];
  return all.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The binaries a package installs (node_modules/<name>/package.json "bin"). */
function bins(name: string): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  if (typeof meta.bin === 'string') return [name.split('/').pop()!];
  return Object.keys(meta.bin ?? {});
}

export function unusedDependencies(names: string[], text: string, scripts: string[]): string[] {
  const quoted = (n: string) => new RegExp(`['"\`]${n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"\`]*)?['"\`]`).test(text);
  const run = (n: string) => bins(n).some((b) => scripts.some((s) => new RegExp(`(^|[\\s&;|])(npx )?${b}(\\s|$)`).test(s)));
  const used = (n: string): boolean => {
    if (n in USED_BY_CONFIG) return true;
    const typed = /^@types\/(.+)$/.exec(n)?.[1];
    if (typed !== undefined) return typed === 'node' || used(typed.includes('__') ? `@${typed.replace('__', '/')}` : typed);
    return quoted(n) || text.includes(`node_modules/${n}/`) || run(n);
  };
  return names.filter((n) => !used(n));
}

describe('dependencies', () => {
  const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
  const scripts = Object.values(pkg.scripts);

  it('every dependency is imported, resolved or run by a script', () => {
    expect(unusedDependencies(names, sources(), scripts)).toEqual([]);
  });

  it('finds a dependency nothing uses', () => {
    expect(unusedDependencies(['yaml', '@types/pg', 'prettier', 'vitest'], "import x from 'yaml';", ['prettier --check .'])).toEqual([
      '@types/pg',
      'vitest',
    ]);
  });
});
