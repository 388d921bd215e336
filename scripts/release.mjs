// Release helpers for .github/workflows/release.yml (and a dry run by hand):
//   node scripts/release.mjs check vX.Y.Z   the tag is a plain vX.Y.Z equal to package.json's version
//                                           and src/version.ts; prints the major tag (vX) to move
//   node scripts/release.mjs notes vX.Y.Z   prints the CHANGELOG.md section of that version
//                                           (exit 3 when there is none: the workflow then lets GitHub
//                                           generate the notes)
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = process.env.RELEASE_ROOT || join(dirname(fileURLToPath(import.meta.url)), '..');

export function checkTag(tag, root = ROOT) {
  const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag ?? '');
  if (!m) throw new Error(`tag "${tag}" is not vX.Y.Z`);
  const version = tag.slice(1);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (pkg !== version) throw new Error(`tag ${tag} does not match package.json version ${pkg}`);
  const src = /VERSION = '([^']+)'/.exec(readFileSync(join(root, 'src/version.ts'), 'utf8'))?.[1];
  if (src !== version) throw new Error(`tag ${tag} does not match src/version.ts VERSION ${src}`);
  return { version, major: `v${m[1]}` };
}

/** The section of CHANGELOG.md under a heading naming the version (## 1.2.3, ## [1.2.3] - date, ## v1.2.3). */
export function changelogSection(version, root = ROOT) {
  const file = join(root, 'CHANGELOG.md');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const esc = version.replace(/\./g, '\\.');
  const start = lines.findIndex((l) => new RegExp(`^##\\s+\\[?v?${esc}\\]?(\\s|$)`).test(l));
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  return body || undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [cmd, tag] = process.argv.slice(2);
  try {
    if (cmd === 'check') console.log(checkTag(tag).major);
    else if (cmd === 'notes') {
      const notes = changelogSection(checkTag(tag).version);
      if (!notes) {
        console.error(`CHANGELOG.md has no section for ${tag}`);
        process.exit(3);
      }
      console.log(notes);
    } else throw new Error('usage: release.mjs check|notes vX.Y.Z');
  } catch (err) {
    console.error(`release: ${err.message}`);
    process.exit(2);
  }
}
