// Rule-file edits never lose a line: comments go with the rule below them, anchors and aliases are
// edited correctly or refused before writing, concurrent editors are serialised, and the file keeps
// its mode, owner, symlink and line endings; a second rule of the same name is refused.
import { chmod, chown, lstat, mkdtemp, readFile, readdir, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ConcurrentEditError,
  addRule,
  editRulesFile,
  findRule,
  openRulesDocument,
  removeRule,
  saveRulesDocument,
  updateRule,
} from '../../src/rules/edit.js';
import { loadRules } from '../../src/rules/load.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rule = (n: number, extra = '') =>
  `  - id: ${id(n)}\n    name: Rule ${n}\n    level: error\n    threshold: ${n}\n    window_minutes: 5\n    channels: [email]\n    notify_email: ops@example.com\n${extra}`;
const HEAD = '# my rules\nproject: p\nsources:\n  - name: app\n    path: app.log\n\nrules:\n';
const newRule = (n: number) => ({
  id: id(n),
  name: `Rule ${n}`,
  level: 'warn',
  threshold: 2,
  window_minutes: 10,
  channels: ['email'],
  notify_email: 'a@example.com',
});

async function file(text: string, name = 'alerts.yml'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'edit-lines-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function edit(path: string, f: (d: Awaited<ReturnType<typeof openRulesDocument>>) => void): Promise<string> {
  const d = await openRulesDocument(path);
  f(d);
  await saveRulesDocument(d);
  return readFile(path, 'utf8');
}

describe('comments belong to the rule below them', () => {
  const text =
    HEAD +
    '  # about rule 1\n' +
    rule(1, '    # a note inside rule 1\n') +
    '\n  # about rule 2\n  # (two lines)\n' +
    rule(2) +
    '\n  # about rule 3\n' +
    rule(3) +
    '  # not about any rule: after the last one\n';

  it("rm of a middle rule removes its own comments and keeps the next rule's", async () => {
    const out = await edit(await file(text), (d) => removeRule(d, findRule(d, 'Rule 2')));
    expect(out).toBe(
      HEAD +
        '  # about rule 1\n' +
        rule(1, '    # a note inside rule 1\n') +
        '\n  # about rule 3\n' +
        rule(3) +
        '  # not about any rule: after the last one\n',
    );
  });

  it('rm of the first rule, and of the last (with the blank line before it)', async () => {
    expect(await edit(await file(text), (d) => removeRule(d, 0))).toBe(
      HEAD +
        '  # about rule 2\n  # (two lines)\n' +
        rule(2) +
        '\n  # about rule 3\n' +
        rule(3) +
        '  # not about any rule: after the last one\n',
    );
    expect(await edit(await file(text), (d) => removeRule(d, 2))).toBe(
      HEAD +
        '  # about rule 1\n' +
        rule(1, '    # a note inside rule 1\n') +
        '\n  # about rule 2\n  # (two lines)\n' +
        rule(2) +
        '  # not about any rule: after the last one\n',
    );
  });

  it("rm of the only rule leaves `rules: []`, the file's other comments kept", async () => {
    expect(await edit(await file(HEAD + '  # the one\n' + rule(1) + '# end\n'), (d) => removeRule(d, 0))).toBe(
      HEAD.replace('rules:\n', 'rules: []\n') + '# end\n',
    );
  });

  it("add appends after the last rule's own lines, in the file's spacing, before comments that are no rule's", async () => {
    const out = await edit(await file(text), (d) => addRule(d, newRule(4)));
    expect(out.startsWith(text.replace('  # not about any rule: after the last one\n', ''))).toBe(true);
    expect(out.slice(text.length - '  # not about any rule: after the last one\n'.length)).toBe(
      `\n  - id: ${id(4)}\n    name: Rule 4\n    level: warn\n    threshold: 2\n    window_minutes: 10\n    channels: [email]\n    notify_email: a@example.com\n  # not about any rule: after the last one\n`,
    );
    // …and removing it again gives back the file byte for byte.
    expect(await edit(await file(out), (d) => removeRule(d, 3))).toBe(text);
  });

  it("update of a rule's last field or a removed field never touches the next rule's comment", async () => {
    const t = HEAD + rule(1, '    enabled: false # off for now\n') + '  # about rule 2\n' + rule(2);
    expect(await edit(await file(t), (d) => updateRule(d, 0, { enabled: undefined }))).toBe(
      HEAD + rule(1) + '  # about rule 2\n' + rule(2),
    );
    expect(await edit(await file(t), (d) => updateRule(d, 0, { apialerts_tags: ['a', 'b'] }))).toBe(
      HEAD + rule(1, '    enabled: false # off for now\n    apialerts_tags: [a, b]\n') + '  # about rule 2\n' + rule(2),
    );
  });
});

describe('YAML anchors and aliases', () => {
  const text =
    HEAD +
    rule(1).replace('channels: [email]', 'channels: &mail [email]').replace('level: error', 'level: &lvl error') +
    rule(2).replace('channels: [email]', 'channels: *mail') +
    rule(3).replace('level: error', 'level: *lvl');

  it('edits that keep every alias resolved work: other fields of the anchoring rule, the rules that alias', async () => {
    const path = await file(text);
    let out = await edit(path, (d) => updateRule(d, 0, { threshold: 7 }));
    expect(out).toBe(text.replace('threshold: 1', 'threshold: 7'));
    out = await edit(path, (d) => updateRule(d, 1, { channels: ['webhook', 'email'], notify_webhook: 'https://h.example.com/x' }));
    expect(out).toContain('channels: [webhook, email]');
    out = await edit(path, (d) => removeRule(d, 2));
    expect((await loadRules(path)).rules.map((r) => [r.name, r.level, r.channels])).toEqual([
      ['Rule 1', 'error', ['email']],
      ['Rule 2', 'error', ['webhook', 'email']],
    ]);
    expect(out).toContain('level: &lvl error'); // the anchor stays although nothing uses it now
  });

  it('edits that would leave an alias dangling or silently change it are refused (exit 2) before writing', async () => {
    const path = await file(text);
    for (const f of [
      (d: Awaited<ReturnType<typeof openRulesDocument>>) => removeRule(d, 0),
      (d: Awaited<ReturnType<typeof openRulesDocument>>) => updateRule(d, 0, { channels: ['apialerts'] }),
      (d: Awaited<ReturnType<typeof openRulesDocument>>) => updateRule(d, 0, { level: 'warn' }),
    ]) {
      const d = await openRulesDocument(path);
      expect(() => f(d)).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: expect.stringMatching(/defines the YAML anchors? &(mail|lvl).* that other parts of the file use \(\*/),
        }),
      );
    }
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});

describe('concurrent editors', () => {
  it('ten concurrent adds give ten rules (the lock serialises them)', async () => {
    const path = await file(HEAD + rule(1));
    await Promise.all(Array.from({ length: 10 }, (_, i) => editRulesFile(path, (d) => addRule(d, newRule(100 + i)))));
    const names = (await loadRules(path)).rules.map((r) => r.name);
    expect(names).toHaveLength(11);
    expect(new Set(names).size).toBe(11);
    expect((await readdir(join(path, '..'))).sort()).toEqual(['alerts.yml']); // no lock or temp file left
  });

  it('a writer that does not take the lock: the save refuses, editRulesFile re-applies the edit to the new content', async () => {
    const path = await file(HEAD + rule(1));
    const d = await openRulesDocument(path);
    addRule(d, newRule(2));
    await writeFile(path, HEAD + rule(1) + rule(3)); // someone else, meanwhile
    await expect(saveRulesDocument(d)).rejects.toBeInstanceOf(ConcurrentEditError);
    expect(await readFile(path, 'utf8')).toBe(HEAD + rule(1) + rule(3));

    let calls = 0;
    await editRulesFile(path, async (e) => {
      if (calls++ === 0) await writeFile(path, HEAD + rule(1) + rule(3) + rule(5));
      addRule(e, newRule(2));
    });
    expect(calls).toBe(2);
    expect((await loadRules(path)).rules.map((r) => r.name)).toEqual(['Rule 1', 'Rule 3', 'Rule 5', 'Rule 2']);
  });

  it('a lock left by a process that died is taken over', async () => {
    const path = await file(HEAD + rule(1));
    await writeFile(`${path}.lock`, `999999999 ${(await import('node:os')).hostname()}\n`);
    await editRulesFile(path, (d) => addRule(d, newRule(2)));
    expect((await loadRules(path)).rules).toHaveLength(2);
  });
});

describe('the file keeps what it was', () => {
  it('mode 0600, and the owner where permitted', async () => {
    const path = await file(HEAD + rule(1));
    await chmod(path, 0o600);
    const root = process.getuid?.() === 0;
    if (root) await chown(path, 4321, 4321);
    await edit(path, (d) => updateRule(d, 0, { threshold: 9 }));
    const st = await stat(path);
    expect(st.mode & 0o777).toBe(0o600);
    if (root) expect([st.uid, st.gid]).toEqual([4321, 4321]);
  });

  it('a symlink stays a link; its target is edited', async () => {
    const target = await file(HEAD + rule(1), 'real.yml');
    const link = join(target, '..', 'alerts.yml');
    await symlink('real.yml', link);
    await editRulesFile(link, (d) => addRule(d, newRule(2)));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('real.yml');
    expect((await loadRules(target)).rules).toHaveLength(2);
  });

  it('CRLF line endings (and a byte-order mark) stay, on every kind of edit', async () => {
    const lf = HEAD + '  # one\n' + rule(1) + '  # two\n' + rule(2);
    const path = await file('\uFEFF' + lf.replace(/\n/g, '\r\n'));
    await editRulesFile(path, (d) => addRule(d, newRule(3)));
    await editRulesFile(path, (d) => updateRule(d, 0, { threshold: 4, apialerts_tags: ['x'] }));
    await editRulesFile(path, (d) => removeRule(d, 1));
    const out = await readFile(path, 'utf8');
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    const edited = rule(1).replace('threshold: 1', 'threshold: 4') + '    apialerts_tags: [x]\n';
    const added = `  - id: ${id(3)}\n    name: Rule 3\n    level: warn\n    threshold: 2\n    window_minutes: 10\n    channels: [email]\n    notify_email: a@example.com\n`;
    expect(out.replace(/\r\n/g, '\n').slice(1)).toBe(HEAD + '  # one\n' + edited + added);
  });
});

describe('names identify rules', () => {
  it('add and rename refuse a name another rule has, before writing', async () => {
    const path = await file(HEAD + rule(1) + rule(2));
    const before = await readFile(path, 'utf8');
    const d = await openRulesDocument(path);
    expect(() => addRule(d, { ...newRule(3), name: 'Rule 1' })).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining('a rule named "Rule 1" already exists') }),
    );
    expect(() => updateRule(d, 1, { name: 'Rule 1' })).toThrow(/a rule named "Rule 1" already exists/);
    updateRule(d, 0, { name: 'Rule 1' }); // its own name: fine
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});

describe('block style', () => {
  it('`rules: []` becomes a block list; nested values are written as blocks', async () => {
    const path = await file('project: p\nsources:\n  - name: app\n    path: app.log\nrules: [] # none yet\n');
    const out = await edit(path, (d) => addRule(d, newRule(1)));
    expect(out).toBe(
      `project: p\nsources:\n  - name: app\n    path: app.log\nrules: # none yet\n  - id: ${id(1)}\n    name: Rule 1\n    level: warn\n    threshold: 2\n    window_minutes: 10\n    channels: [email]\n    notify_email: a@example.com\n`,
    );
  });

  it('`rules:` with nothing under it is a file with no rules (it loads), and a rule added to it is a block list', async () => {
    const path = await file('project: p\nsources:\n  - name: app\n    path: app.log\nrules:\n');
    expect((await loadRules(path)).rules).toEqual([]);
    const out = await edit(path, (d) => addRule(d, newRule(1)));
    expect(out).toMatch(/^rules:\n {2}- id: /m);
    expect((await loadRules(path)).rules).toHaveLength(1);
  });

  it('a flow-style rule list is rewritten in block style when edited', async () => {
    const path = await file(
      `project: p\nsources: [{name: app, path: app.log}]\nrules: [{id: ${id(1)}, name: A, level: error, threshold: 1, window_minutes: 1, channels: [email], notify_email: a@example.com}]\n`,
    );
    const out = await edit(path, (d) => addRule(d, newRule(2)));
    expect(out).not.toMatch(/rules: \[/);
    expect(out).toMatch(/^rules:\n {2}- id: /m);
    expect(parse(out).rules).toHaveLength(2);
  });
});
