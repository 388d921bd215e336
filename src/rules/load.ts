import { parse as parseYaml, parseDocument } from 'yaml';
import type { z } from 'zod';
import { EXIT, UserError } from '../util/errors.js';
import { readInputFile } from '../util/read-file.js';
import { RulesFileSchema, type RulesFile } from './schema.js';
import { readYamlSubset } from './yaml-subset.js';

/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
export async function loadRules(path: string): Promise<RulesFile> {
  return parseRules(await readInputFile(path, 'rule file', 'utf8'), path);
}

export function parseRules(text: string, path: string): RulesFile {
  let data: unknown;
  try {
    data = readYaml(text);
  } catch (err) {
    throw new UserError(`rule file ${path} is not valid YAML/JSON: ${(err as Error).message}`, { exitCode: EXIT.badInput });
  }
  const parsed = RulesFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${describePath(issue.path, data)}: ${describeIssue(issue)}`);
  throw new UserError(`rule file ${path} is invalid:\n${lines.join('\n')}`, { exitCode: EXIT.badInput });
}

/**
 * The file's data. A file in the plain subset rule files are written in (src/rules/yaml-subset.ts) is
 * read by the fast reader, whose data is exactly the `yaml` package's (~10× faster on 10,000 rules,
 * docs/performance-evaluate.md). Any other file goes to the `yaml` package: a clean one is read
 * without `prettyErrors` (its per-node source tracking costs ~20% of the parse); a file with any error
 * or warning is read again with the original options, so what is printed or thrown is exactly what it
 * always was.
 */
function readYaml(text: string): unknown {
  const fast = readYamlSubset(text);
  if (fast !== undefined) return fast;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  return doc.toJS();
}

/** `rules[2] "High Error Rate" → threshold` rather than `rules.2.threshold`. */
function describePath(path: PropertyKey[], data: unknown): string {
  if (path.length === 0) return '(top level)';
  const [head, index, ...rest] = path;
  if ((head === 'rules' || head === 'sources') && typeof index === 'number') {
    const item = (data as Record<string, unknown[]> | undefined)?.[head]?.[index] as { name?: unknown } | undefined;
    const name = typeof item?.name === 'string' ? ` "${item.name}"` : '';
    return `${head}[${index}]${name}${rest.length ? ` → ${rest.join('.')}` : ''}`;
  }
  return path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
