// The webhook address policy against the IANA special-purpose registries, block by block, and against
// an independent reference (ipaddr.js range names) over random addresses in every textual form.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { stringify } from 'yaml';
import { IPV4_BLOCKS, IPV6_BLOCKS, checkLiteralHost, classifyAddress } from '../../src/deliver/address-policy.js';
import { renderLine } from '../helpers/log-lines.js';
import { ROOT, builtBundle, tempDir } from '../events/support.js';

/** [address, may connect, the registry block that decides] — written from the registries, not from the module. */
const V4: [string, boolean, string | undefined][] = [
  ['0.1.2.3', false, '0.0.0.0/8'],
  ['0.0.0.0', false, '0.0.0.0/32'],
  ['10.20.30.40', false, '10.0.0.0/8'],
  ['100.64.0.1', false, '100.64.0.0/10'],
  ['100.127.255.255', false, '100.64.0.0/10'],
  ['127.0.0.1', false, '127.0.0.0/8'],
  ['127.255.0.9', false, '127.0.0.0/8'],
  ['169.254.169.254', false, '169.254.0.0/16'],
  ['172.16.0.1', false, '172.16.0.0/12'],
  ['172.31.255.255', false, '172.16.0.0/12'],
  ['192.0.0.200', false, '192.0.0.0/24'],
  ['192.0.0.1', false, '192.0.0.0/29'],
  ['192.0.0.8', false, '192.0.0.8/32'],
  ['192.0.0.9', true, '192.0.0.9/32'],
  ['192.0.0.10', true, '192.0.0.10/32'],
  ['192.0.0.170', false, '192.0.0.170/32'],
  ['192.0.0.171', false, '192.0.0.171/32'],
  ['192.0.2.1', false, '192.0.2.0/24'],
  ['192.31.196.1', true, '192.31.196.0/24'],
  ['192.52.193.1', true, '192.52.193.0/24'],
  ['192.88.99.1', false, '192.88.99.0/24'],
  ['192.88.99.2', false, '192.88.99.2/32'],
  ['192.168.1.1', false, '192.168.0.0/16'],
  ['192.175.48.1', true, '192.175.48.0/24'],
  ['198.18.0.1', false, '198.18.0.0/15'],
  ['198.19.255.255', false, '198.18.0.0/15'],
  ['198.51.100.7', false, '198.51.100.0/24'],
  ['203.0.113.7', false, '203.0.113.0/24'],
  ['224.0.0.1', false, '224.0.0.0/4'],
  ['239.255.255.250', false, '224.0.0.0/4'],
  ['240.0.0.1', false, '240.0.0.0/4'],
  ['255.255.255.254', false, '240.0.0.0/4'],
  ['255.255.255.255', false, '255.255.255.255/32'],
  ['8.8.8.8', true, undefined],
  ['1.1.1.1', true, undefined],
  ['100.128.0.1', true, undefined],
  ['172.32.0.1', true, undefined],
  ['192.0.1.1', true, undefined],
  ['198.20.0.1', true, undefined],
  ['223.255.255.255', true, undefined],
];

const V6: [string, boolean, string][] = [
  ['::1', false, '::1/128'],
  ['::', false, '::/128'],
  ['::10.0.0.1', false, '::/96'], // IPv4-compatible, embedding a private address
  ['::127.0.0.1', false, '::/96'],
  ['::8.8.8.8', true, '::/96'],
  ['::ffff:10.0.0.1', false, '::ffff:0:0/96'],
  ['::ffff:7f00:1', false, '::ffff:0:0/96'],
  ['::ffff:8.8.8.8', true, '::ffff:0:0/96'],
  ['::ffff:0:10.0.0.1', false, '::ffff:0:0:0/96'],
  ['::ffff:0:8.8.8.8', true, '::ffff:0:0:0/96'],
  ['64:ff9b::10.0.0.1', false, '64:ff9b::/96'],
  ['64:ff9b::a9fe:a9fe', false, '64:ff9b::/96'],
  ['64:ff9b::8.8.8.8', true, '64:ff9b::/96'],
  ['64:ff9b:1::8.8.8.8', false, '64:ff9b:1::/48'], // local-use: never global, whatever it embeds
  ['64:ff9b:1:ffff::10.0.0.1', false, '64:ff9b:1::/48'],
  ['100::1', false, '100::/64'],
  ['100:0:0:1::1', false, '100:0:0:1::/64'],
  ['2001:100::1', false, '2001::/23'],
  ['2001:1::4', false, '2001::/23'],
  // Teredo (RFC 4380 §4's example: server 65.54.227.120, client 192.0.2.45 stored inverted)
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false, '2001::/32'],
  ['2001:0:4136:e378:8000:63bf:f5ff:fffe', false, '2001::/32'], // client 10.0.0.1
  ['2001:0:a00:1:8000:63bf:f7f7:f7f7', false, '2001::/32'], // server 10.0.0.1
  ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', true, '2001::/32'], // client 8.8.8.8
  ['2001:1::1', true, '2001:1::1/128'],
  ['2001:1::2', true, '2001:1::2/128'],
  ['2001:1::3', true, '2001:1::3/128'],
  ['2001:2::1', false, '2001:2::/48'],
  ['2001:3::1', true, '2001:3::/32'],
  ['2001:4:112::1', true, '2001:4:112::/48'],
  ['2001:10::1', false, '2001:10::/28'],
  ['2001:20::1', true, '2001:20::/28'],
  ['2001:30::1', true, '2001:30::/28'],
  ['2001:db8::1', false, '2001:db8::/32'],
  ['2002:a00:1::1', false, '2002::/16'], // 6to4 of 10.0.0.1
  ['2002:c0a8:101::1', false, '2002::/16'], // 6to4 of 192.168.1.1
  ['2002:808:808::1', true, '2002::/16'],
  ['2620:4f:8000::1', true, '2620:4f:8000::/48'],
  ['3fff::1', false, '3fff::/20'],
  ['3fff:fff:ffff::1', false, '3fff::/20'],
  ['5f00::1', false, '5f00::/16'],
  ['fc00::1', false, 'fc00::/7'],
  ['fd00:ec2::254', false, 'fc00::/7'],
  ['fe80::1', false, 'fe80::/10'],
  ['fe80::1%eth0', false, 'fe80::/10'],
  ['fec0::1', false, 'fec0::/10'],
  ['feff::1', false, 'fec0::/10'],
  ['ff02::1', false, 'ff00::/8'],
  ['4000::1', false, '::/0'],
  ['e000::1', false, '::/0'],
  ['2606:4700::1111', true, '2000::/3'],
  ['2a00:1450:4001::200e', true, '2000::/3'],
];

describe('the policy, block by block of the IANA special-purpose registries', () => {
  it.each(V4)('IPv4 %s → allowed %s (%s)', (ip, allowed, block) => {
    const v = classifyAddress(ip);
    expect(v.allowed).toBe(allowed);
    expect(v.block?.block).toBe(block);
    if (!allowed) expect(v.reason).toContain(block!);
  });

  it.each(V6)('IPv6 %s → allowed %s (%s)', (ip, allowed, block) => {
    const v = classifyAddress(ip);
    expect(v.allowed).toBe(allowed);
    expect(v.block?.block).toBe(block);
    if (!allowed) expect(v.reason).toMatch(/not a public address/);
  });

  it('every block of the tables is exercised above, and every entry cites its RFC', () => {
    const seen = new Set([...V4, ...V6].map(([, , b]) => b));
    for (const b of [...IPV4_BLOCKS, ...IPV6_BLOCKS]) {
      expect(seen.has(b.block), b.block).toBe(true);
      expect(b.rfc, b.block).toMatch(/^RFC \d+/);
    }
  });

  it('names the embedded address and the block it falls in', () => {
    expect(classifyAddress('2002:c0a8:101::1').reason).toBe(
      '2002:c0a8:101::1 embeds 192.168.1.1 (6to4, 2002::/16, RFC 3056), which is not a public address: 192.168.0.0/16, private-use (RFC 1918)',
    );
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:3fff:fdd2').embedded).toMatchObject({
      address: '192.0.2.45',
      server: { address: '65.54.227.120' },
    });
  });

  it('URL host forms are judged after WHATWG normalisation (hex, octal, short IPv4; bracketed IPv6)', () => {
    for (const url of [
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://2130706433/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[0:0:0:0:0:ffff:a00:1]/',
      'http://[::a00:1]/',
    ])
      expect(checkLiteralHost(new URL(url).hostname, false), url).toMatch(/^refused: .*allow_private_targets is off\)$/);
    expect(checkLiteralHost(new URL('http://[2002:a00:1::1]/').hostname, true)).toBeUndefined();
    expect(checkLiteralHost('hooks.example.com', false)).toBeUndefined(); // names are checked at lookup
  });
});

// ---- an independent reference: ipaddr.js range names --------------------------------------------

const ALLOWED_V4 = new Set(['unicast', 'as112', 'amt']);
const ALLOWED_V6 = new Set(['unicast', 'amt', 'as112v6', 'orchid2', 'droneRemoteIdProtocolEntityTags']);
const v4of = (hi: number, lo: number) => ipaddr.fromByteArray([hi >> 8, hi & 255, lo >> 8, lo & 255]).toString();

/** May the address be connected to, by ipaddr.js's names and the registry's reachability column. */
function reference(text: string): boolean {
  const a = ipaddr.parse(text);
  if (a.kind() === 'ipv4') {
    // The registry is more specific than ipaddr.js here: two globally reachable anycast /32s in 192.0.0.0/24.
    if (text === '192.0.0.9' || text === '192.0.0.10') return true;
    return ALLOWED_V4.has(a.range());
  }
  const p = (a as ipaddr.IPv6).parts;
  const range = a.range();
  if (p[0] === 0x2001 && p[1] === 1 && p.slice(2, 7).every((x) => x === 0) && [1, 2, 3].includes(p[7]!)) return true; // PCP, TURN, DNS-SD anycast
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return reference(v4of(p[6]!, p[7]!));
    case 'rfc6052':
      return p[2] === 1 ? false : reference(v4of(p[6]!, p[7]!)); // 64:ff9b:1::/48 is local-use
    case '6to4':
      return reference(v4of(p[1]!, p[2]!));
    case 'teredo':
      return reference(v4of(p[2]!, p[3]!)) && reference(v4of(~p[6]! & 0xffff, ~p[7]! & 0xffff));
    case 'unicast':
      if (p.slice(0, 6).every((x) => x === 0)) return reference(v4of(p[6]!, p[7]!)); // IPv4-compatible ::a.b.c.d
      if (p[0] === 0x100 && p[1] === 0 && p[2] === 0 && p[3] === 1) return false; // dummy prefix (RFC 9780), newer than ipaddr.js
      return (p[0]! & 0xe000) === 0x2000; // the rest of the space outside 2000::/3 is reserved by the IETF
    default:
      return ALLOWED_V6.has(range);
  }
}

// Addresses near every special block, and fully random ones.
const prefixOf = (cidr: string) => {
  const [addr, len] = cidr.split('/') as [string, string];
  return { bytes: ipaddr.parse(addr).toByteArray(), len: Number(len) };
};
const blocksV4 = IPV4_BLOCKS.map((b) => b.block);
const blocksV6 = IPV6_BLOCKS.map((b) => b.block);

function inBlock(cidr: string, random: number[]): number[] {
  const { bytes, len } = prefixOf(cidr);
  return bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, len - i * 8));
    const mask = (0xff << (8 - keep)) & 0xff;
    return (b & mask) | (random[i]! & ~mask & 0xff);
  });
}

const arbV4Bytes = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
  fc
    .tuple(fc.constantFrom(...blocksV4), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }))
    .map(([c, r]) => inBlock(c, r)),
);
const rand16 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 });
const arbV6Bytes = fc.oneof(
  rand16,
  fc.tuple(fc.constantFrom(...blocksV6), rand16).map(([c, r]) => inBlock(c, r)),
  // Every form that embeds IPv4, around special IPv4 blocks.
  fc
    .tuple(fc.constantFrom('::/96', '::ffff:0:0/96', '::ffff:0:0:0/96', '64:ff9b::/96', '64:ff9b:1::/96'), rand16, arbV4Bytes)
    .map(([c, r, v4]) => [...inBlock(c, r).slice(0, 12), ...v4]),
  fc.tuple(rand16, arbV4Bytes).map(([r, v4]) => [0x20, 0x02, ...v4, ...r.slice(6)]),
  fc
    .tuple(rand16, arbV4Bytes, arbV4Bytes)
    .map(([r, server, client]) => [0x20, 0x01, 0, 0, ...server, ...r.slice(8, 12), ...client.map((b) => b ^ 0xff)]),
);

/** The same IPv6 address in the textual forms a resolver or URL may hand us. */
function forms(bytes: number[]): string[] {
  const a = ipaddr.fromByteArray(bytes) as ipaddr.IPv6;
  const full = a.parts.map((x) => x.toString(16).padStart(4, '0')).join(':');
  const short = a.toString();
  const v4tail = `${a.parts
    .slice(0, 6)
    .map((x) => x.toString(16))
    .join(':')}:${bytes.slice(12).join('.')}`;
  return [
    short,
    full,
    full.toUpperCase(),
    v4tail,
    ...(short.includes('::') ? [] : [short.replace(/(^|:)0(:|$)/, '$1:$2').replace(/:::/, '::')]),
  ].filter((f) => ipaddr.isValid(f));
}

describe('against ipaddr.js over random addresses', () => {
  it("IPv4: the verdict is the reference's", () => {
    fc.assert(
      fc.property(arbV4Bytes, (bytes) => {
        const ip = bytes.join('.');
        expect(classifyAddress(ip).allowed, ip).toBe(reference(ip));
      }),
      { numRuns: 5_000 },
    );
  });

  it("IPv6: the verdict is the reference's, the same in every textual form", () => {
    fc.assert(
      fc.property(arbV6Bytes, (bytes) => {
        const texts = forms(bytes);
        const expected = reference(texts[0]!);
        for (const t of texts) expect(classifyAddress(t).allowed, t).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });
});

// ---- through the built CLI, with no network at all ----------------------------------------------

function unshareNode(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['-n', process.execPath, builtBundle('cli'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOOK_SECRET: 'a1'.repeat(32) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Under mutation testing (vitest.mutate.config.mjs) the bundle is not the mutated code and dist/ is not in the sandbox.
describe.skipIf(process.env.APIALERTS_MUTATION_RUN === '1')('the built CLI in an empty network namespace (unshare -n)', () => {
  it('refuses every non-public literal target before any connect; a public one gets as far as connecting', async () => {
    const dir = tempDir('address-netns-');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
    writeFileSync(
      join(dir, 'app.log'),
      Array.from({ length: 3 }, (_, i) => renderLine({ ts: T0 - (i + 1) * 10_000, level: 'error' }, i)).join('\n') + '\n',
    );
    const refused = [
      '127.0.0.1',
      '[::a00:1]',
      '[2002:a00:1::1]',
      '[64:ff9b:1::808:808]',
      '[64:ff9b::a9fe:a9fe]',
      '[2001:0:4136:e378:8000:63bf:f5ff:fffe]',
      '[fec0::1]',
      '198.51.100.7',
      '198.18.0.1',
      '[2001:db8::1]',
      '[3fff::1]',
      '192.0.0.170',
    ];
    const targets = [...refused, '[2606:4700::1111]'];
    const rules = targets.map((host, i) => ({
      id: `11111111-2222-4333-8444-${String(i).padStart(12, '0')}`,
      name: `to ${host}`,
      level: 'error',
      threshold: 1,
      window_minutes: 5,
      channels: ['webhook'],
      notify_webhook: `http://${host}:9/hook`,
      notify_webhook_secret_env: 'HOOK_SECRET',
      allow_http: true,
    }));
    writeFileSync(join(dir, 'alerts.yml'), stringify({ project: 'p', sources: [{ name: 'app', path: 'app.log' }], rules }));
    const r = await unshareNode([
      'evaluate',
      '--rules',
      join(dir, 'alerts.yml'),
      '--state',
      join(dir, 'state.json'),
      '--now',
      '2026-04-26T12:00:00Z',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(3);
    const outcomes = (JSON.parse(r.stdout) as { outcomes: { rule_name: string; status: string; attempts: number; detail?: string }[] })
      .outcomes;
    expect(outcomes).toHaveLength(targets.length);
    const byName = (host: string) => outcomes.find((o) => o.rule_name === `to ${host}`)!;
    for (const host of refused) {
      const o = byName(host);
      expect(o, host).toBeDefined();
      expect([o.status, o.attempts], host).toEqual(['failed', 1]);
      expect(o.detail, host).toMatch(/^refused: .*not a public address.*allow_private_targets is off\)$/);
    }
    // The allowed target was tried: with no network, connect itself fails (not our policy).
    const pub = byName('[2606:4700::1111]');
    expect(pub.detail).not.toMatch(/refused:/);
    expect(pub.detail).toMatch(/^connect (ENETUNREACH|EADDRNOTAVAIL|EHOSTUNREACH) 2606:4700::1111/);
  }, 60_000);
});
