import { type LookupFunction } from 'node:net';
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
export declare const IPV4_BLOCKS: readonly AddressBlock[];
/**
 * IANA IPv6 Special-Purpose Address Registry, plus the address-space registry's top-level blocks
 * (only 2000::/3 is global unicast; the rest of the space is reserved by the IETF), the deprecated
 * IPv4-compatible and site-local forms, and SIIT's IPv4-translated form.
 */
export declare const IPV6_BLOCKS: readonly AddressBlock[];
interface AddressVerdict {
    /** The address may be connected to without allow_private_targets. */
    allowed: boolean;
    /** The registry block that decided (the most specific holding the address). */
    block?: AddressBlock;
    /** For a form embedding IPv4: that address and its own verdict. */
    embedded?: {
        address: string;
        verdict: AddressVerdict;
        server?: {
            address: string;
            verdict: AddressVerdict;
        };
    };
    /** Why it is refused, for messages; undefined when allowed. */
    reason?: string;
}
/** The policy's verdict on one IP address (IPv4 or IPv6 text, an IPv6 zone `%eth0` ignored). */
export declare function classifyAddress(ip: string): AddressVerdict;
/** Why an address is not a public one, or undefined when it is. */
export declare function privateReason(ip: string): string | undefined;
/**
 * A `lookup` for http(s).request that refuses non-public addresses unless allowed. IP literals never
 * reach a lookup in Node, so callers also check those with `checkLiteralHost` before connecting.
 */
export declare function guardedLookup(allowPrivate: boolean): LookupFunction;
/** For a URL whose host is an IP literal: the refusal message, or undefined when it may be used. */
export declare function checkLiteralHost(hostname: string, allowPrivate: boolean): string | undefined;
export {};
