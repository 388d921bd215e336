import { describe, expect, it } from 'vitest';
import { loadProgram, programOf, unusedExports } from './unused-exports.js';

/**
 * Every name src/ exports is used by another file (src/, test/ or bench/), or is part of the public
 * surface (ENTRY_POINTS in ./unused-exports.ts: the library, the SDK entry, the CLI and both actions).
 * A name only its own file uses is not exported; a name nobody uses is deleted (noUnusedLocals).
 */
describe('unused exports', () => {
  it('src/ exports nothing that no other file uses', () => {
    expect(unusedExports(loadProgram())).toEqual([]);
  }, 240_000);

  it('finds a planted unused export, and counts every kind of use', () => {
    const root = '/virtual';
    const program = programOf(root, {
      'package.json': '{ "type": "module" }',
      'src/a.ts': [
        'export const imported = 1;',
        'export const viaNamespace = 2;',
        'export const viaDynamicImport = 3;',
        'export const reExported = 4;',
        'export interface UsedType { x: number }',
        'export const onlyHere = 5;',
        'export function planted(): number { return onlyHere; }',
        'export type UnusedType = string;',
      ].join('\n'),
      'src/b.ts': [
        "import { imported, type UsedType } from './a.js';",
        "import * as a from './a.js';",
        "export { reExported } from './a.js';",
        'export const t: UsedType = { x: imported + a.viaNamespace };',
        'export async function later(): Promise<number> {',
        "  const { viaDynamicImport } = await import('./a.js');",
        '  return viaDynamicImport;',
        '}',
      ].join('\n'),
      'src/lib/index.ts': "export { t, later, reExported } from '../b.js';",
    });
    expect(unusedExports(program, root)).toEqual(['src/a.ts: UnusedType', 'src/a.ts: onlyHere', 'src/a.ts: planted']);
  });
});
