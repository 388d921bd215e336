import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where outgoing webhook requests may connect. Addresses are checked *as resolved at connect time*
 * (the request's own DNS lookup goes through here), so a name that resolves to a public address when
 * the rule is written and to 127.0.0.1 later (DNS rebinding) is still refused.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this" network, unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local (incl. fd00:ec2::254, a metadata address)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['100::', 64], // discard
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (::ffff:a.b.c.d, 64:ff9b::a.b.c.d), if any. */
function embeddedIPv4(ip: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:0:)?(.+)$/i.exec(ip);
  if (!m) return undefined;
  const tail = m[1]!;
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return undefined;
  const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Why an address is not a public one, or undefined when it is. */
export function privateReason(ip: string): string | undefined {
  const family = isIP(ip);
  if (family === 0) return `${ip} is not an IP address`;
  if (family === 6) {
    const v4 = embeddedIPv4(ip);
    if (v4) return privateReason(v4) && `${ip} maps to a private address (${v4})`;
    return blocked.check(ip, 'ipv6') ? `${ip} is a loopback, private, link-local or reserved address` : undefined;
  }
  return blocked.check(ip, 'ipv4') ? `${ip} is a loopback, private, link-local or reserved address` : undefined;
}

export class RefusedTargetError extends Error {
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
        return callback(new RefusedTargetError(`refused: ${hostname} resolves to ${reason.replace(/ is /, ', ')} (allow_private_targets is off)`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** For a URL whose host is an IP literal: the refusal message, or undefined when it may be used. */
export function checkLiteralHost(hostname: string, allowPrivate: boolean): string | undefined {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host) === 0) return undefined;
  const reason = privateReason(host);
  return reason && `refused: ${reason} (allow_private_targets is off)`;
}
