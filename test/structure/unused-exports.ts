import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Exported names of src/ that no other file uses (src/, test/, bench/ — the project's tsconfig), as
 * "path: name". A name counts as used when another file refers to it: an import, a re-export, a
 * namespace member (`mod.name`) or a dynamic import's member. The public entry points' exports are
 * the package's surface, so they count as used (ENTRY_POINTS).
 */
export const ENTRY_POINTS = ['src/lib/index.ts', 'src/lib/sdk.ts', 'src/cli/index.ts', 'src/action/notify.ts', 'src/action/evaluate.ts'];

export const ROOT = join(import.meta.dirname, '../..');

export function loadProgram(root = ROOT): ts.Program {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  return ts.createProgram(parsed.fileNames, parsed.options);
}

/** A program over files held in memory (path under root → text), for the checker's own test. */
export function programOf(root: string, files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    types: [],
  };
  const texts = new Map(Object.entries(files).map(([p, text]) => [join(root, p), text]));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (p) => texts.get(p) ?? readFile(p);
  host.fileExists = (p) => texts.has(p) || fileExists(p);
  host.directoryExists = (d) => [...texts.keys()].some((p) => p.startsWith(`${d}/`)) || ts.sys.directoryExists(d);
  host.realpath = (p) => p;
  host.getSourceFile = (p, languageVersion) => {
    const text = host.readFile(p);
    return text === undefined ? undefined : ts.createSourceFile(p, text, languageVersion);
  };
  return ts.createProgram([...texts.keys()], options, host);
}

export function unusedExports(program: ts.Program, root = ROOT): string[] {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !sf.fileName.includes('/node_modules/'));
  const rel = (sf: ts.SourceFile) => relative(root, sf.fileName);

  // Every symbol referred to from a file other than the one declaring it.
  const usedElsewhere = new Set<ts.Symbol>();
  const mark = (symbol: ts.Symbol, from: ts.SourceFile) => {
    const declared = symbol.declarations?.map((d) => d.getSourceFile());
    if (declared?.some((sf) => sf !== from)) usedElsewhere.add(symbol);
  };
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        // `const { name } = await import('./x.js')`: the binding names a member of the module.
        const binding = node.parent;
        if (ts.isBindingElement(binding) && ts.isObjectBindingPattern(binding.parent) && (binding.propertyName ?? binding.name) === node) {
          symbol = checker.getTypeAtLocation(binding.parent).getProperty(node.text) ?? symbol;
        }
        // An alias (import or re-export) leads to the exported symbol, through any chain of re-exports.
        while (symbol) {
          mark(symbol, sf);
          if (!(symbol.flags & ts.SymbolFlags.Alias)) break;
          const next = checker.getImmediateAliasedSymbol(symbol);
          if (!next || next === symbol) break;
          symbol = next;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const out: string[] = [];
  for (const sf of files) {
    const path = rel(sf);
    if (!path.startsWith('src/') || ENTRY_POINTS.includes(path)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      if (usedElsewhere.has(exported)) continue;
      // `export { x }` of a local: the local's own symbol may be the one others reach.
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (usedElsewhere.has(target)) continue;
      out.push(`${path}: ${exported.name}`);
    }
  }
  return out.sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = unusedExports(loadProgram());
  console.log(found.join('\n'));
  console.log(`${found.length} unused exports`);
}
