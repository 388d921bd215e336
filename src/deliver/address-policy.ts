import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/**
 * Where outgoing webhook requests may connect, derived from the IANA special-purpose address
 * registries (IPv4: iana-ipv4-special-registry, IPv6: iana-ipv6-special-registry, as of 2025) and
 * the address-space registries (what is unicast at all). Every block whose "Globally Reachable" is
 * not True is refused unless private targets are allowed; an IPv6 address that embeds an IPv4 one
 * (IPv4-mapped, IPv4-compatible, SIIT, NAT64, 6to4, Teredo) is judged by the IPv4 address it reaches.
 *
 * Addresses are checked *as resolved at connect time* (the request's own DNS lookup goes through
 * here), so a name that resolves to a public address when the rule is written and to 127.0.0.1 later
 * (DNS rebinding) is still refused. docs/address-policy.md explains each choice.
 */

/**
 * `true`: globally reachable (allowed). `false`: not (refused). `'embedded'`: the registry says N/A
 * or the block carries an IPv4 address: the verdict is the embedded address's.
 */
type Reach = boolean | 'embedded';

/** How the IPv4 address sits in an IPv6 one. */
type Embedding = 'low32' | '6to4' | 'teredo';

interface AddressBlock {
  /** CIDR, as the registry writes it. */
  block: string;
  name: string;
  /** The defining RFC(s), as the registry cites them. */
  rfc: string;
  reach: Reach;
  embedding?: Embedding;
  /** Not an entry of the special-purpose registry: from the address-space registry or a deprecated RFC. */
  source?: 'address-space' | 'deprecated';
}

/** IANA IPv4 Special-Purpose Address Registry, plus multicast from the IPv4 address-space registry. */
export const IPV4_BLOCKS: readonly AddressBlock[] = [
  { block: '0.0.0.0/8', name: '"this network"', rfc: 'RFC 791 §3.2', reach: false },
  { block: '0.0.0.0/32', name: '"this host on this network"', rfc: 'RFC 1122 §3.2.1.3', reach: false },
  { block: '10.0.0.0/8', name: 'private-use', rfc: 'RFC 1918', reach: false },
  { block: '100.64.0.0/10', name: 'shared address space (carrier-grade NAT)', rfc: 'RFC 6598', reach: false },
  { block: '127.0.0.0/8', name: 'loopback', rfc: 'RFC 1122 §3.2.1.3', reach: false },
  { block: '169.254.0.0/16', name: 'link-local (incl. cloud metadata 169.254.169.254)', rfc: 'RFC 3927', reach: false },
  { block: '172.16.0.0/12', name: 'private-use', rfc: 'RFC 1918', reach: false },
  { block: '192.0.0.0/24', name: 'IETF protocol assignments', rfc: 'RFC 6890 §2.1', reach: false },
  { block: '192.0.0.0/29', name: 'IPv4 service continuity prefix', rfc: 'RFC 7335', reach: false },
  { block: '192.0.0.8/32', name: 'IPv4 dummy address', rfc: 'RFC 7600', reach: false },
  { block: '192.0.0.9/32', name: 'Port Control Protocol anycast', rfc: 'RFC 7723', reach: true },
  { block: '192.0.0.10/32', name: 'Traversal Using Relays around NAT anycast', rfc: 'RFC 8155', reach: true },
  { block: '192.0.0.170/32', name: 'NAT64/DNS64 discovery', rfc: 'RFC 8880, RFC 7050 §2.2', reach: false },
  { block: '192.0.0.171/32', name: 'NAT64/DNS64 discovery', rfc: 'RFC 8880, RFC 7050 §2.2', reach: false },
  { block: '192.0.2.0/24', name: 'documentation (TEST-NET-1)', rfc: 'RFC 5737', reach: false },
  { block: '192.31.196.0/24', name: 'AS112-v4', rfc: 'RFC 7535', reach: true },
  { block: '192.52.193.0/24', name: 'AMT', rfc: 'RFC 7450', reach: true },
  { block: '192.88.99.0/24', name: 'deprecated (6to4 relay anycast)', rfc: 'RFC 7526', reach: false },
  { block: '192.88.99.2/32', name: '6a44-relay anycast address', rfc: 'RFC 6751', reach: false },
  { block: '192.168.0.0/16', name: 'private-use', rfc: 'RFC 1918', reach: false },
  { block: '192.175.48.0/24', name: 'direct delegation AS112 service', rfc: 'RFC 7534', reach: true },
  { block: '198.18.0.0/15', name: 'benchmarking', rfc: 'RFC 2544', reach: false },
  { block: '198.51.100.0/24', name: 'documentation (TEST-NET-2)', rfc: 'RFC 5737', reach: false },
  { block: '203.0.113.0/24', name: 'documentation (TEST-NET-3)', rfc: 'RFC 5737', reach: false },
  { block: '224.0.0.0/4', name: 'multicast', rfc: 'RFC 5771', reach: false, source: 'address-space' },
  { block: '240.0.0.0/4', name: 'reserved', rfc: 'RFC 1112 §4', reach: false },
  { block: '255.255.255.255/32', name: 'limited broadcast', rfc: 'RFC 8190, RFC 919 §7', reach: false },
];

/**
 * IANA IPv6 Special-Purpose Address Registry, plus the address-space registry's top-level blocks
 * (only 2000::/3 is global unicast; the rest of the space is reserved by the IETF), the deprecated
 * IPv4-compatible and site-local forms, and SIIT's IPv4-translated form.
 */
export const IPV6_BLOCKS: readonly AddressBlock[] = [
  { block: '::/0', name: 'reserved by the IETF (outside global unicast 2000::/3)', rfc: 'RFC 4291', reach: false, source: 'address-space' },
  { block: '2000::/3', name: 'global unicast', rfc: 'RFC 4291', reach: true, source: 'address-space' },
  { block: '::1/128', name: 'loopback', rfc: 'RFC 4291', reach: false },
  { block: '::/128', name: 'unspecified', rfc: 'RFC 4291', reach: false },
  {
    block: '::/96',
    name: 'deprecated IPv4-compatible',
    rfc: 'RFC 4291 §2.5.5.1',
    reach: 'embedded',
    embedding: 'low32',
    source: 'deprecated',
  },
  { block: '::ffff:0:0/96', name: 'IPv4-mapped', rfc: 'RFC 4291', reach: 'embedded', embedding: 'low32' },
  {
    block: '::ffff:0:0:0/96',
    name: 'IPv4-translated (SIIT)',
    rfc: 'RFC 6145',
    reach: 'embedded',
    embedding: 'low32',
    source: 'deprecated',
  },
  {
    block: '64:ff9b::/96',
    name: 'IPv4-IPv6 translation (NAT64 well-known prefix)',
    rfc: 'RFC 6052',
    reach: 'embedded',
    embedding: 'low32',
  },
  { block: '64:ff9b:1::/48', name: 'IPv4-IPv6 translation (local-use NAT64)', rfc: 'RFC 8215', reach: false, embedding: 'low32' },
  { block: '100::/64', name: 'discard-only', rfc: 'RFC 6666', reach: false },
  { block: '100:0:0:1::/64', name: 'dummy IPv6 prefix', rfc: 'RFC 9780', reach: false },
  { block: '2001::/23', name: 'IETF protocol assignments', rfc: 'RFC 2928', reach: false },
  { block: '2001::/32', name: 'Teredo', rfc: 'RFC 4380, RFC 8190', reach: 'embedded', embedding: 'teredo' },
  { block: '2001:1::1/128', name: 'Port Control Protocol anycast', rfc: 'RFC 7723', reach: true },
  { block: '2001:1::2/128', name: 'Traversal Using Relays around NAT anycast', rfc: 'RFC 8155', reach: true },
  { block: '2001:1::3/128', name: 'DNS-SD service registration protocol anycast', rfc: 'RFC 9665', reach: true },
  { block: '2001:2::/48', name: 'benchmarking', rfc: 'RFC 5180, RFC Errata 1752', reach: false },
  { block: '2001:3::/32', name: 'AMT', rfc: 'RFC 7450', reach: true },
  { block: '2001:4:112::/48', name: 'AS112-v6', rfc: 'RFC 7535', reach: true },
  { block: '2001:10::/28', name: 'deprecated (previously ORCHID)', rfc: 'RFC 4843', reach: false },
  { block: '2001:20::/28', name: 'ORCHIDv2', rfc: 'RFC 7343', reach: true },
  { block: '2001:30::/28', name: 'drone remote ID protocol entity tags (DETs)', rfc: 'RFC 9374', reach: true },
  { block: '2001:db8::/32', name: 'documentation', rfc: 'RFC 3849', reach: false },
  { block: '2002::/16', name: '6to4', rfc: 'RFC 3056', reach: 'embedded', embedding: '6to4' },
  { block: '2620:4f:8000::/48', name: 'direct delegation AS112 service', rfc: 'RFC 7534', reach: true },
  { block: '3fff::/20', name: 'documentation', rfc: 'RFC 9637', reach: false },
  { block: '5f00::/16', name: 'segment routing (SRv6) SIDs', rfc: 'RFC 9602', reach: false },
  { block: 'fc00::/7', name: 'unique-local (incl. cloud metadata fd00:ec2::254)', rfc: 'RFC 4193, RFC 8190', reach: false },
  { block: 'fe80::/10', name: 'link-local unicast', rfc: 'RFC 4291', reach: false },
  { block: 'fec0::/10', name: 'deprecated site-local', rfc: 'RFC 3879', reach: false, source: 'deprecated' },
  { block: 'ff00::/8', name: 'multicast', rfc: 'RFC 4291', reach: false, source: 'address-space' },
];

// ---- parsing ---------------------------------------------------------------------------------

function parseIPv4(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A valid IPv6 text (as net.isIP accepts it, zone removed) → its 128 bits. */
function parseIPv6(text: string): bigint {
  let head = text;
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!);
    tail = [v4 >>> 16, v4 & 0xffff];
    head = text.slice(0, -dotted[1]!.length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const words = (s: string) => (s === '' ? [] : s.split(':').map((w) => parseInt(w, 16)));
  let groups: number[];
  const gap = head.indexOf('::');
  if (gap >= 0) {
    const left = words(head.slice(0, gap));
    const right = [...words(head.slice(gap + 2)), ...tail];
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  } else groups = [...words(head), ...tail];
  return groups.reduce((n, w) => (n << 16n) | BigInt(w), 0n);
}

interface Net {
  bits: number;
  base: bigint;
  prefix: number;
  entry: AddressBlock;
}

function compile(entries: readonly AddressBlock[], family: 4 | 6): Net[] {
  return entries.map((entry) => {
    const [addr, len] = entry.block.split('/') as [string, string];
    const base = family === 4 ? BigInt(parseIPv4(addr)) : parseIPv6(addr);
    return { bits: family === 4 ? 32 : 128, base, prefix: Number(len), entry };
  });
}

const NETS = { 4: compile(IPV4_BLOCKS, 4), 6: compile(IPV6_BLOCKS, 6) };

/** The most specific registry block holding the address (the registry's own rule), if any. */
function longestMatch(value: bigint, family: 4 | 6): AddressBlock | undefined {
  let best: Net | undefined;
  for (const net of NETS[family]) {
    const shift = BigInt(net.bits - net.prefix);
    if (value >> shift === net.base >> shift && (!best || net.prefix > best.prefix)) best = net;
  }
  return best?.entry;
}

function embeddedIPv4(value: bigint, how: Embedding): { v4: string; server?: string } {
  const word32 = (shift: bigint) => Number((value >> shift) & 0xffffffffn);
  if (how === 'low32') return { v4: formatIPv4(word32(0n)) };
  if (how === '6to4') return { v4: formatIPv4(word32(80n)) };
  // Teredo: 2001:0:<server IPv4>:<flags>:<obfuscated port>:<obfuscated client IPv4>; the client's
  // address and port are stored inverted (XOR 0xffff…) so NATs do not rewrite them.
  return { v4: formatIPv4(~word32(0n) >>> 0), server: formatIPv4(word32(64n)) };
}

// ---- the policy ------------------------------------------------------------------------------

interface AddressVerdict {
  /** The address may be connected to without allow_private_targets. */
  allowed: boolean;
  /** The registry block that decided (the most specific holding the address). */
  block?: AddressBlock;
  /** For a form embedding IPv4: that address and its own verdict. */
  embedded?: { address: string; verdict: AddressVerdict; server?: { address: string; verdict: AddressVerdict } };
  /** Why it is refused, for messages; undefined when allowed. */
  reason?: string;
}

const describeBlock = (b: AddressBlock) => `${b.block}, ${b.name} (${b.rfc})`;

/** The policy's verdict on one IP address (IPv4 or IPv6 text, an IPv6 zone `%eth0` ignored). */
export function classifyAddress(ip: string): AddressVerdict {
  const text = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(text);
  if (family === 0) return { allowed: false, reason: `${ip} is not an IP address` };
  if (family === 4) {
    const block = longestMatch(BigInt(parseIPv4(text)), 4);
    if (!block || block.reach === true) return { allowed: true, ...(block ? { block } : {}) };
    return { allowed: false, block, reason: `${ip} is not a public address: ${describeBlock(block)}` };
  }
  const value = parseIPv6(text);
  const block = longestMatch(value, 6)!; // ::/0 matches everything
  if (!block.embedding) {
    if (block.reach === true) return { allowed: true, block };
    return { allowed: false, block, reason: `${ip} is not a public address: ${describeBlock(block)}` };
  }
  const { v4, server } = embeddedIPv4(value, block.embedding);
  const verdict = classifyAddress(v4);
  const serverVerdict = server === undefined ? undefined : classifyAddress(server);
  const embedded = { address: v4, verdict, ...(server !== undefined ? { server: { address: server, verdict: serverVerdict! } } : {}) };
  const form = `${block.name}, ${block.block}, ${block.rfc}`;
  if (block.reach === false)
    return { allowed: false, block, embedded, reason: `${ip} is not a public address: ${form}, not globally reachable (embeds ${v4})` };
  if (!verdict.allowed)
    return {
      allowed: false,
      block,
      embedded,
      reason: `${ip} embeds ${v4} (${form}), which is not a public address: ${describeBlock(verdict.block!)}`,
    };
  if (serverVerdict && !serverVerdict.allowed)
    return {
      allowed: false,
      block,
      embedded,
      reason: `${ip} names Teredo server ${server} (${form}), which is not a public address: ${describeBlock(serverVerdict.block!)}`,
    };
  return { allowed: true, block, embedded };
}

/** Why an address is not a public one, or undefined when it is. */
export function privateReason(ip: string): string | undefined {
  return classifyAddress(ip).reason;
}

class RefusedTargetError extends Error {
  readonly code = 'ERR_REFUSED_TARGET';
}

/**
 * A `lookup` for http(s).request that refuses non-public addresses unless allowed. IP literals never
 * reach a lookup in Node, so callers also check those with `checkLiteralHost` before connecting.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const usable = allowPrivate ? addresses : addresses.filter((a) => !privateReason(a.address));
      if (usable.length === 0) {
        const reason = privateReason(addresses[0]?.address ?? '') ?? 'no address';
        return callback(
          new RefusedTargetError(`refused: ${hostname} resolves to ${reason.replace(/ is /, ', ')} (allow_private_targets is off)`),
          '',
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** For a URL whose host is an IP literal: the refusal message, or undefined when it may be used. */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host.replace(/%.*$/, '')) === 0) return undefined;
  const reason = privateReason(host);
  return reason && `refused: ${reason} (allow_private_targets is off)`;
}
