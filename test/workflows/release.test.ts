// The release workflow and its helper: a vX.Y.Z tag must equal the package version, dist/ must be a
// fresh build, the notes come from the tag's CHANGELOG.md section, and the major tag moves.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../events/support.js';
import { changelogSection, checkTag } from '../../scripts/release.mjs';

function repo(version: string, srcVersion = version, changelog?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', version }));
  writeFileSync(join(dir, 'src/version.ts'), `export const VERSION = '${srcVersion}';\n`);
  if (changelog !== undefined) writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  return dir;
}

describe('scripts/release.mjs', () => {
  it('accepts a vX.Y.Z tag equal to package.json and src/version.ts, and names the major tag to move', () => {
    expect(checkTag('v2.3.4', repo('2.3.4'))).toEqual({ version: '2.3.4', major: 'v2' });
    expect(() => checkTag('v2.3.5', repo('2.3.4'))).toThrow(/does not match package.json version 2.3.4/);
    expect(() => checkTag('v2.3.4', repo('2.3.4', '2.3.3'))).toThrow(/src\/version.ts VERSION 2.3.3/);
    for (const bad of ['2.3.4', 'v2.3', 'v2.3.4-rc.1', 'v1']) expect(() => checkTag(bad, repo('2.3.4'))).toThrow(/is not vX.Y.Z/);
    // This repository as it stands.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(checkTag(`v${version}`).version).toBe(version);
  });

  it("takes the notes from the tag's CHANGELOG.md section in the usual heading forms, or none", () => {
    const log = '# Changelog\n\n## [Unreleased]\n- wip\n\n## [1.1.0] - 2026-12-01\n### Added\n- heartbeat\n\n## v1.0.0\n- first\n';
    const dir = repo('1.1.0', '1.1.0', log);
    expect(changelogSection('1.1.0', dir)).toBe('### Added\n- heartbeat');
    expect(changelogSection('1.0.0', dir)).toBe('- first');
    expect(changelogSection('1.0.1', dir)).toBeUndefined();
    expect(changelogSection('1.1.0', repo('1.1.0'))).toBeUndefined();
  });
});

describe('.github/workflows/release.yml', () => {
  const wf = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8'));
  const job = wf.jobs.release as { permissions: Record<string, string>; steps: { name?: string; run?: string; uses?: string }[] };
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on vX.Y.Z tags only, with write access for this job alone', () => {
    expect(wf.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toEqual({ contents: 'write' });
  });

  it('checks the tag and a fresh dist/, installs the packed CLI into an empty prefix, releases with notes, moves the major tag', () => {
    const order = [
      'release.mjs check',
      'npm run -s build',
      'git status --porcelain -- dist',
      'npm install -g --prefix',
      'apialerts" --version',
      'gh release create',
      'git push -f origin "refs/tags/$MAJOR"',
    ];
    const at = order.map((s) => runs.indexOf(s));
    for (const [i, s] of order.entries()) expect(at[i], s).toBeGreaterThanOrEqual(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(runs).toMatch(/release\.mjs notes "\$TAG" > release-notes\.md[\s\S]*--notes-file release-notes\.md[\s\S]*--generate-notes/);
    expect(existsSync(join(ROOT, 'LICENSE'))).toBe(true);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
  });
});

describe('.github/dependabot.yml', () => {
  it('keeps the GitHub Actions and the npm dependencies current', () => {
    const cfg = parse(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string }[];
    };
    expect(cfg.version).toBe(2);
    expect(cfg.updates.map((u) => [u['package-ecosystem'], u.directory])).toEqual([
      ['github-actions', '/'],
      ['npm', '/'],
    ]);
  });
});
