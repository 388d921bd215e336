// Property: over random rule files (comments above, inside and after rules, blank-line spacing or
// not, LF or CRLF) and random sequences of edits, every edit means exactly what it should, every
// comment of a rule that stays is still right above (or inside) it, comments of removed rules go,
// and comments that belong to no rule are never lost.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRule, openRulesDocument, removeRule, saveRulesDocument, updateRule } from '../../src/rules/edit.js';
import { parseRules } from '../../src/rules/load.js';

interface ModelRule {
  id: string;
  name: string;
  threshold: number;
  enabled: boolean;
  tags?: string[];
  /** Comment texts above the rule (they belong to it). */
  lead: string[];
  /** Deeper-indented comment texts right after its last line (they belong to it). */
  tail: string[];
}

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function render(rules: ModelRule[], opts: { blank: boolean; leadAtZero: boolean; trailer: string[] }): string {
  const out = [
    '# header comment',
    'project: p',
    'sources:',
    '  - name: app',
    '    path: app.log',
    'rules:' + (rules.length === 0 ? ' []' : ''),
  ];
  rules.forEach((r, i) => {
    if (i > 0 && opts.blank) out.push('');
    for (const c of r.lead) out.push(`${opts.leadAtZero ? '' : '  '}# ${c}`);
    out.push(`  - id: ${r.id}`, `    name: ${r.name}`, '    level: error', `    threshold: ${r.threshold}`, '    window_minutes: 5');
    if (!r.enabled) out.push('    enabled: false');
    out.push('    channels: [email]', '    notify_email: ops@example.com');
    if (r.tags) out.push(`    apialerts_tags: [${r.tags.join(', ')}]`);
    for (const c of r.tail) out.push(`    # ${c}`);
  });
  for (const c of opts.trailer) out.push(`# ${c}`);
  return out.join('\n') + '\n';
}

const tag = fc.constantFrom('a', 'b', 'pager', 'x-1');
const arbFile = fc.record({
  n: fc.integer({ min: 1, max: 5 }),
  leads: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
  tails: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 5, maxLength: 5 }),
  blank: fc.boolean(),
  leadAtZero: fc.boolean(),
  trailer: fc.integer({ min: 0, max: 2 }),
  crlf: fc.boolean(),
});
const arbOps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('rm' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('threshold' as const), at: fc.nat(), value: fc.integer({ min: 1, max: 99 }) }),
    fc.record({ kind: fc.constant('toggle' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('tags' as const),
      at: fc.nat(),
      tags: fc.option(fc.array(tag, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    }),
    fc.record({ kind: fc.constant('add' as const) }),
  ),
  { minLength: 1, maxLength: 6 },
);

describe('rule-file edits, by property', () => {
  it('mean what they should and keep every comment with its rule', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edit-prop-'));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arbFile, arbOps, async (f, ops) => {
        let c = 0;
        let next = 0;
        const rules: ModelRule[] = Array.from({ length: f.n }, () => {
          const k = next++;
          return {
            id: idOf(k),
            name: `Rule ${k}`,
            threshold: k + 1,
            enabled: true,
            lead: Array.from({ length: f.leads[k]! }, () => `c${c++} lead of ${k}`),
            tail: Array.from({ length: f.tails[k]! }, () => `c${c++} tail of ${k}`),
          };
        });
        const trailer = Array.from({ length: f.trailer }, () => `c${c++} of no rule`);
        const path = join(dir, `alerts-${run++}.yml`);
        const initial = render(rules, { ...f, trailer });
        await writeFile(path, f.crlf ? initial.replace(/\n/g, '\r\n') : initial);
        const removedComments: string[] = [];

        for (const op of ops) {
          const d = await openRulesDocument(path);
          if (op.kind === 'add') {
            const k = next++;
            const r = { id: idOf(k), name: `Rule ${k}`, threshold: 7, enabled: true, lead: [], tail: [] };
            addRule(d, {
              id: r.id,
              name: r.name,
              level: 'error',
              threshold: 7,
              window_minutes: 5,
              channels: ['email'],
              notify_email: 'ops@example.com',
            });
            rules.push(r);
          } else {
            if (rules.length === 0) continue;
            const at = op.at % rules.length;
            const r = rules[at]!;
            if (op.kind === 'rm') {
              removeRule(d, at);
              rules.splice(at, 1);
              removedComments.push(...r.lead, ...r.tail);
            } else if (op.kind === 'threshold') {
              updateRule(d, at, { threshold: op.value });
              r.threshold = op.value;
            } else if (op.kind === 'toggle') {
              updateRule(d, at, { enabled: r.enabled ? false : undefined });
              r.enabled = !r.enabled;
            } else {
              updateRule(d, at, { apialerts_tags: op.tags });
              if (op.tags) r.tags = op.tags;
              else delete r.tags;
            }
          }
          await saveRulesDocument(d);
        }

        const raw = await readFile(path, 'utf8');
        if (f.crlf) expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
        else expect(raw).not.toContain('\r');
        const text = raw.replace(/\r\n/g, '\n');
        // The meaning.
        const file = parseRules(text, path);
        expect(file.rules.map((r) => [r.id, r.threshold, r.enabled, r.apialerts_tags])).toEqual(
          rules.map((r) => [r.id, r.threshold, r.enabled, r.tags]),
        );
        // Block style, always.
        expect(text).not.toMatch(/\{ *id:|\[ *\{/);
        // Comments: each remaining rule's own comments sit between the previous rule's dash and its
        // own dash (lead) or right after its lines (tail); removed rules' comments are gone; the rest stay.
        const lines = text.split('\n');
        const dashAt = rules.map((r) => lines.findIndex((l) => l === `  - id: ${r.id}`));
        expect(dashAt.every((i) => i >= 0)).toBe(true);
        rules.forEach((r, i) => {
          const from = i === 0 ? lines.indexOf('rules:') : dashAt[i - 1]!;
          const to = i + 1 < rules.length ? dashAt[i + 1]! : lines.length;
          for (const cm of r.lead) {
            const at = lines.findIndex((l) => l.endsWith(`# ${cm}`));
            expect(at > from && at < dashAt[i]!, `${cm} above ${r.name}\n${text}`).toBe(true);
          }
          for (const cm of r.tail) {
            const at = lines.findIndex((l) => l.endsWith(`# ${cm}`));
            expect(at > dashAt[i]! && at < to, `${cm} after ${r.name}\n${text}`).toBe(true);
          }
        });
        for (const cm of removedComments) expect(text, cm).not.toContain(`# ${cm}\n`);
        for (const cm of trailer) expect(text, cm).toContain(`# ${cm}\n`);
        expect(text.startsWith('# header comment\n')).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
