// The BUILT CLI's rule-file edits as processes: nothing lost (comments, aliases, concurrent editors,
// mode, links, line endings, names), and a first rule file from nothing (`alerts init`, `alerts add`).
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { verifySignature } from '../../src/deliver/verify.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { builtBundle, runNode, tempDir } from '../events/support.js';

/** APIALERTS_CLI points these tests at another build (e.g. the previous release's) to show what they catch. */
const bundle = () => process.env.APIALERTS_CLI ?? builtBundle('cli');
const cli = (args: string[], env: Record<string, string> = {}) => runNode(bundle(), args, env);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const rule = (n: number) =>
  `  - id: ${id(n)}\n    name: Rule ${n}\n    level: error\n    threshold: ${n}\n    window_minutes: 5\n    channels: [email]\n    notify_email: ops@example.com\n`;
const HEAD = 'project: p\nsources:\n  - name: app\n    path: app.log\n\nrules:\n';
const ADD = ['--level', 'error', '--threshold', '3', '--window', '5', '--channels', 'email', '--email', 'ops@example.com'];

function rulesFile(text: string, name = 'alerts.yml'): string {
  const path = join(tempDir('alerts-edits-'), name);
  writeFileSync(path, text);
  return path;
}

let receiver: TestServer | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('apialerts alerts edits never lose a line (built CLI)', () => {
  it('ten concurrent `alerts add` give ten rules, every one exits 0', async () => {
    const path = rulesFile(HEAD + rule(1));
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => cli(['alerts', 'add', '--rules', path, '--name', `Concurrent ${i}`, ...ADD])),
    );
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
    const names = (await loadRules(path)).rules.map((r) => r.name);
    expect(names.sort()).toEqual(['Rule 1', ...Array.from({ length: 10 }, (_, i) => `Concurrent ${i}`)].sort());
    expect(readdirSync(join(path, '..'))).toEqual(['alerts.yml']);
  }, 60_000);

  it("rm removes the rule's own comment, not the next rule's", async () => {
    const path = rulesFile(HEAD + '  # first\n' + rule(1) + '\n  # second\n' + rule(2) + '\n  # third\n' + rule(3));
    const r = await cli(['alerts', 'rm', '--rules', path, 'Rule 2']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(HEAD + '  # first\n' + rule(1) + '\n  # third\n' + rule(3));
  });

  it('anchors and aliases: an edit that would break an alias exits 2 before writing; the others work', async () => {
    const text =
      HEAD + rule(1).replace('channels: [email]', 'channels: &mail [email]') + rule(2).replace('channels: [email]', 'channels: *mail');
    const path = rulesFile(text);
    for (const args of [
      ['rm', 'Rule 1'],
      ['update', 'Rule 1', '--channels', 'apialerts'],
    ]) {
      const r = await cli(['alerts', ...args, '--rules', path]);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringContaining('defines the YAML anchor &mail')]);
    }
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect((await cli(['alerts', 'update', 'Rule 1', '--threshold', '8', '--rules', path])).code).toBe(0);
    expect((await cli(['alerts', 'update', 'Rule 2', '--threshold', '9', '--rules', path])).code).toBe(0);
    expect((await cli(['alerts', 'rm', 'Rule 2', '--rules', path])).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      HEAD + rule(1).replace('channels: [email]', 'channels: &mail [email]').replace('threshold: 1', 'threshold: 8'),
    );
  });

  it('a 0600 file behind a symlink, with CRLF lines: mode, link and line endings stay', async () => {
    const real = rulesFile((HEAD + '  # one\n' + rule(1)).replace(/\n/g, '\r\n'), 'real.yml');
    chmodSync(real, 0o600);
    const link = join(real, '..', 'alerts.yml');
    symlinkSync(real, link);
    for (const args of [
      ['add', '--name', 'Two', ...ADD],
      ['update', 'Rule 1', '--threshold', '4'],
      ['disable', 'Two'],
      ['rm', 'Two'],
    ]) {
      const r = await cli(['alerts', ...args, '--rules', link]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readFileSync(real, 'utf8')).toBe((HEAD + '  # one\n' + rule(1).replace('threshold: 1', 'threshold: 4')).replace(/\n/g, '\r\n'));
  });

  it('a second rule with an existing name is refused (exit 2), so `update NAME` keeps working', async () => {
    const path = rulesFile(HEAD + rule(1));
    const dup = await cli(['alerts', 'add', '--rules', path, '--name', 'Rule 1', ...ADD]);
    expect([dup.code, dup.stderr]).toEqual([2, expect.stringContaining('a rule named "Rule 1" already exists')]);
    expect(readFileSync(path, 'utf8')).toBe(HEAD + rule(1));
    expect((await cli(['alerts', 'update', '--rules', path, 'Rule 1', '--threshold', '2'])).code).toBe(0);
  });
});

describe('a first rule file from nothing (built CLI)', () => {
  it('`alerts add` in an empty directory creates a valid block-style file', async () => {
    const path = join(tempDir('alerts-new-'), 'alerts.yml');
    const r = await cli(['alerts', 'add', '--rules', path, '--name', 'First', ...ADD]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('created');
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^rules:\n {2}- id: [0-9a-f-]{36}\n {4}name: First\n/m);
    expect(text).not.toMatch(/\[ *\{|\{ *id:/);
    expect((await loadRules(path)).rules.map((x) => x.name)).toEqual(['First']);
  });

  it('init (with a sample) → alerts add → evaluate --dry-run → a real run delivering a verified webhook', async () => {
    const dir = tempDir('alerts-init-');
    const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
    const log = join(dir, 'app.log');
    // Plain text, as Python's logging writes it (no zone in the timestamps).
    const py = (ms: number, level: string, i: number) =>
      `${new Date(ms).toISOString().replace('T', ' ').replace('.', ',').slice(0, 23)} ${level} job ${i} done`;
    writeFileSync(
      log,
      Array.from({ length: 12 }, (_, i) => py(T0 - (i + 1) * 15_000, i % 3 === 0 ? 'INFO' : 'ERROR', i)).join('\n') + '\n',
    );
    const rules = join(dir, 'alerts.yml');

    const init = await cli(['alerts', 'init', '--rules', rules, '--sample', log]);
    expect(init.code, init.stderr).toBe(0);
    const starter = readFileSync(rules, 'utf8');
    expect(starter).toMatch(/^# /); // commented
    expect(starter).toContain('path: "app.log"');
    expect(starter).toMatch(/app.log: python-logging lines \(12 of 12 sample lines read\)/);
    expect(starter).toMatch(/^ {4}format: python-logging /m);
    expect(starter).toMatch(/^ {4}timezone: UTC /m);
    expect((await loadRules(rules)).rules).toEqual([]);
    const again = await cli(['alerts', 'init', '--rules', rules]);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('already exists')]);

    receiver = await startServer((_req, res) => {
      res.end();
    });
    const add = await cli([
      'alerts',
      'add',
      '--rules',
      rules,
      '--name',
      'Error spike',
      '--level',
      'error',
      '--threshold',
      '5',
      '--window',
      '5',
      '--channels',
      'webhook',
      '--webhook',
      `${receiver.url}/hook`,
      '--allow-http',
      '--scheme',
      'standard',
      '--json',
    ]);
    expect(add.code, add.stderr).toBe(0);
    const { secret, secret_env } = JSON.parse(add.stdout) as { secret: string; secret_env: string };
    expect(readFileSync(rules, 'utf8').startsWith(starter.replace('rules: []\n', 'rules:\n'))).toBe(true);

    const dry = await cli([
      'evaluate',
      '--rules',
      rules,
      '--state',
      join(dir, 'state.json'),
      '--now',
      '2026-04-26T12:00:00Z',
      '--dry-run',
      '--json',
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect((JSON.parse(dry.stdout) as { decisions: { match_count: number }[] }).decisions.map((x) => x.match_count)).toEqual([8]);

    const real = await cli(
      ['evaluate', '--rules', rules, '--state', join(dir, 'state.json'), '--now', '2026-04-26T12:00:00Z', '--allow-private-targets'],
      { [secret_env]: secret },
    );
    expect(real.code, real.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(verifySignature(receiver.requests[0]!.rawBody, receiver.requests[0]!.headers, [secret], { scheme: 'standard' })).toMatchObject({
      ok: true,
    });
  }, 60_000);
});
