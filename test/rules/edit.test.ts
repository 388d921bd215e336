import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRule, findRule, openRulesDocument, removeRule, saveRulesDocument, updateRule } from '../../src/rules/edit.js';

const EXAMPLE = new URL('../../examples/alerts.yml', import.meta.url).pathname;

async function copy(text?: string, name = 'alerts.yml'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'edit-'));
  const path = join(dir, name);
  await writeFile(path, text ?? (await readFile(EXAMPLE, 'utf8')));
  return path;
}

describe('rule file edits', () => {
  it('change only the lines they touch: comments, alignment and flow lists elsewhere stay byte for byte', async () => {
    const path = await copy();
    const original = await readFile(path, 'utf8');
    const d = await openRulesDocument(path);
    updateRule(d, findRule(d, 'Any fatal'), { threshold: 3, apialerts_tags: ['fatal', 'pager'] });
    await saveRulesDocument(d);
    const edited = await readFile(path, 'utf8');
    const diff = edited.split('\n').filter((l, i) => l !== original.split('\n')[i]);
    expect(diff).toEqual(['    threshold: 3', '    apialerts_tags: [fatal, pager]']);

    const d2 = await openRulesDocument(path);
    updateRule(d2, findRule(d2, 'Any fatal'), { threshold: 1, apialerts_tags: ['fatal', 'shop-api'] });
    await saveRulesDocument(d2);
    // Back to the original values: the file is the original again, except the tags list's spacing is ours.
    expect(await readFile(path, 'utf8')).toBe(original);
  });

  it('add then remove a rule leaves the file exactly as it was', async () => {
    const path = await copy();
    const original = await readFile(path, 'utf8');
    const d = await openRulesDocument(path);
    addRule(d, {
      id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      name: 'New "quoted" rule: yes',
      level: 'warn',
      threshold: 5,
      window_minutes: 10,
      channels: ['email'],
      notify_email: 'ops@example.com',
    });
    const file = await saveRulesDocument(d);
    expect(file.rules.at(-1)!.name).toBe('New "quoted" rule: yes');
    expect(await readFile(path, 'utf8')).toMatch(
      /^ {2}- id: 3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b\n {4}name: "New \\"quoted\\" rule: yes"\n/m,
    );
    const d2 = await openRulesDocument(path);
    removeRule(d2, findRule(d2, '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'));
    await saveRulesDocument(d2);
    expect(await readFile(path, 'utf8')).toBe(original);
  });

  it('values YAML would misread (reserved first characters, comment marks, look-alike numbers and booleans) round-trip as strings', async () => {
    const path = await copy();
    const tricky = [
      '@oncall errors',
      '`deploy`',
      '#ops',
      'yes',
      '010',
      '1e3',
      '- dash',
      '[x]',
      '{a: 1}',
      'a: b',
      'trailing ',
      '*alias',
      '&anchor',
      '!tag',
      '%directive',
      "'single'",
      '"double"',
      'ünïcode ✓',
      'null',
      '~',
    ];
    for (const name of tricky) {
      const d = await openRulesDocument(path);
      updateRule(d, findRule(d, 'Any fatal'), { name, apialerts_channel: name.trim() || 'x' });
      const file = await saveRulesDocument(d);
      const rule = file.rules.find((r) => r.name === name);
      expect(rule, name).toBeDefined();
      const d2 = await openRulesDocument(path);
      updateRule(d2, findRule(d2, name), { name: 'Any fatal' });
      await saveRulesDocument(d2);
    }
  });

  it('an edit the schema rejects leaves the file untouched and no temp file behind', async () => {
    const path = await copy();
    const original = await readFile(path, 'utf8');
    const d = await openRulesDocument(path);
    updateRule(d, 0, { threshold: 0 });
    await expect(saveRulesDocument(d)).rejects.toThrow(/rules\[0\] "High Error Rate" → threshold/);
    expect(await readFile(path, 'utf8')).toBe(original);
    expect(await readdir(join(path, '..'))).toEqual(['alerts.yml']);
  });

  it('finds rules by id or unique name; a duplicate name (in a file written by hand) or an unknown key is a clear error', async () => {
    const path = await copy();
    const d = await openRulesDocument(path);
    expect(findRule(d, '0b6f8a52-3c1d-4e7a-9f20-6d5c4b3a2918')).toBe(1);
    expect(findRule(d, 'Warning flood')).toBe(2);
    expect(() => findRule(d, 'nope')).toThrow(/no rule with id or name "nope"/);
    const dup = await copy((await readFile(path, 'utf8')).replace('name: Warning flood', 'name: Any fatal'));
    const dd = await openRulesDocument(dup);
    expect(() => findRule(dd, 'Any fatal')).toThrow(/2 rules are named "Any fatal".*use the id/);
  });

  it('falls back to re-rendering (comments kept) for layouts it cannot splice, and edits JSON files as JSON', async () => {
    const flow = await copy('# my rules\nproject: p\nsources: [{name: a, path: a.log}]\nrules: []\n');
    const d = await openRulesDocument(flow);
    addRule(d, {
      id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      name: 'r',
      level: 'error',
      threshold: 1,
      window_minutes: 1,
      channels: ['apialerts'],
    });
    expect((await saveRulesDocument(d)).rules).toHaveLength(1);
    expect(await readFile(flow, 'utf8')).toMatch(/^# my rules\n/);

    const json = await copy(JSON.stringify({ project: 'p', sources: [{ name: 'a', path: 'a.log' }], rules: [] }), 'alerts.json');
    const j = await openRulesDocument(json);
    addRule(j, {
      id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      name: 'r',
      level: 'error',
      threshold: 1,
      window_minutes: 1,
      channels: ['apialerts'],
    });
    await saveRulesDocument(j);
    expect(JSON.parse(await readFile(json, 'utf8')).rules[0].name).toBe('r');
  });
});
