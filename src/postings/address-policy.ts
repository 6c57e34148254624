import { isIPv4, isIPv6 } from 'node:net';

/**
 * Why an IP address may or may not be fetched. Everything except `public` is refused by safe-fetch
 * (unless the operator allow-listed the host), because a user-supplied link must never make the bot
 * talk to the machine it runs on, its private network or a cloud metadata endpoint.
 */
export type AddressCategory =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmark'
  | 'unique-local'
  | 'reserved'
  | 'invalid';

export interface AddressClassification {
  category: AddressCategory;
  /** Human wording for messages, e.g. "a loopback address". */
  description: string;
  /** For IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4): that address, dotted. */
  embeddedIpv4?: string;
}

const DESCRIPTIONS: Record<AddressCategory, string> = {
  public: 'a public address',
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private address',
  shared: 'a carrier-grade NAT address',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  documentation: 'a documentation address',
  benchmark: 'a benchmarking address',
  'unique-local': 'a private (unique local) address',
  reserved: 'a reserved address',
  invalid: 'not a valid IP address',
};

interface Ipv4Range {
  base: number;
  prefix: number;
  category: AddressCategory;
}

/** IANA IPv4 special-purpose registry, most specific first (first match wins). */
const IPV4_RANGES: readonly Ipv4Range[] = [
  { base: v4('255.255.255.255'), prefix: 32, category: 'broadcast' },
  { base: v4('0.0.0.0'), prefix: 32, category: 'unspecified' },
  { base: v4('0.0.0.0'), prefix: 8, category: 'reserved' }, // "this network"
  { base: v4('10.0.0.0'), prefix: 8, category: 'private' },
  { base: v4('100.64.0.0'), prefix: 10, category: 'shared' },
  { base: v4('127.0.0.0'), prefix: 8, category: 'loopback' },
  { base: v4('169.254.0.0'), prefix: 16, category: 'link-local' }, // includes 169.254.169.254 (cloud metadata)
  { base: v4('172.16.0.0'), prefix: 12, category: 'private' },
  { base: v4('192.0.0.0'), prefix: 24, category: 'reserved' }, // IETF protocol assignments
  { base: v4('192.0.2.0'), prefix: 24, category: 'documentation' },
  { base: v4('192.88.99.0'), prefix: 24, category: 'reserved' }, // deprecated 6to4 relay anycast
  { base: v4('192.168.0.0'), prefix: 16, category: 'private' },
  { base: v4('198.18.0.0'), prefix: 15, category: 'benchmark' },
  { base: v4('198.51.100.0'), prefix: 24, category: 'documentation' },
  { base: v4('203.0.113.0'), prefix: 24, category: 'documentation' },
  { base: v4('224.0.0.0'), prefix: 4, category: 'multicast' },
  { base: v4('240.0.0.0'), prefix: 4, category: 'reserved' },
];

/**
 * Classifies one IP address as resolvers print it (dotted IPv4, or IPv6 with an optional `%zone`).
 * Anything else, including odd IPv4 spellings such as `2130706433` or `0177.0.0.1`, is `invalid`
 * and therefore refused: resolvers never return those, so seeing one means something is off.
 */
export function classifyAddress(address: string): AddressClassification {
  const text = address.trim();
  if (isIPv4(text)) return classifyIpv4(v4(text));
  const unzoned = text.replace(/%[^%]*$/, '');
  if (isIPv6(unzoned)) return classifyIpv6(parseIpv6(unzoned));
  return result('invalid');
}

/** True only for addresses a user-supplied URL may reach without the operator's say-so. */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).category === 'public';
}

function classifyIpv4(value: number): AddressClassification {
  for (const range of IPV4_RANGES) {
    if (inV4Range(value, range.base, range.prefix)) return result(range.category);
  }
  return result('public');
}

/** 2000::/3 is the only global unicast space; inside it, these blocks are still special. */
function classifyIpv6(words: readonly number[]): AddressClassification {
  const w = (i: number): number => words[i] ?? 0;
  const firstSixZero = w(0) === 0 && w(1) === 0 && w(2) === 0 && w(3) === 0 && w(4) === 0;

  if (firstSixZero && w(5) === 0 && w(6) === 0 && w(7) === 0) return result('unspecified');
  if (firstSixZero && w(5) === 0 && w(6) === 0 && w(7) === 1) return result('loopback');
  // ::ffff:a.b.c.d (IPv4-mapped): the socket would talk IPv4 to a.b.c.d.
  if (firstSixZero && w(5) === 0xffff) return embedded(wordsToV4(w(6), w(7)));
  // ::a.b.c.d (deprecated IPv4-compatible) and ::ffff:0:a.b.c.d (SIIT): never a real job site, and
  // some stacks would reach the IPv4 inside, so refuse; name the inner category when it is telling.
  const siit = w(0) === 0 && w(1) === 0 && w(2) === 0 && w(3) === 0 && w(4) === 0xffff && w(5) === 0;
  if ((firstSixZero && w(5) === 0) || siit) {
    const inner = embedded(wordsToV4(w(6), w(7)));
    return inner.category === 'public' ? { ...result('reserved'), embeddedIpv4: inner.embeddedIpv4 } : inner;
  }
  // 64:ff9b::/96 well-known NAT64 prefix: the gateway forwards to the embedded IPv4.
  if (w(0) === 0x64 && w(1) === 0xff9b && w(2) === 0 && w(3) === 0 && w(4) === 0 && w(5) === 0) {
    return embedded(wordsToV4(w(6), w(7)));
  }
  // 64:ff9b:1::/48 local-use NAT64: translates into the operator's own network.
  if (w(0) === 0x64 && w(1) === 0xff9b && w(2) === 1) return result('private');
  if (w(0) >= 0xff00) return result('multicast');
  if ((w(0) & 0xffc0) === 0xfe80) return result('link-local');
  if ((w(0) & 0xffc0) === 0xfec0) return result('reserved'); // deprecated site-local
  if ((w(0) & 0xfe00) === 0xfc00) return result('unique-local'); // includes fd00:ec2::254 (AWS metadata)
  // 2002::/16 6to4: the relay delivers to the IPv4 address in bits 16..47.
  if (w(0) === 0x2002) return embedded(wordsToV4(w(1), w(2)));
  if (w(0) === 0x2001 && w(1) === 0x0db8) return result('documentation');
  if (w(0) === 0x3fff && w(1) <= 0x0fff) return result('documentation'); // 3fff::/20 (RFC 9637)
  // 2001::/23 IETF protocol assignments (Teredo, ORCHID, benchmarking...): nothing to fetch there.
  if (w(0) === 0x2001 && w(1) < 0x0200)
    return result(w(1) === 0x0002 && w(2) === 0 ? 'benchmark' : 'reserved');
  if ((w(0) & 0xe000) === 0x2000) return result('public');
  return result('reserved');
}

function embedded(ipv4: string): AddressClassification {
  const inner = classifyIpv4(v4(ipv4));
  return { ...inner, embeddedIpv4: ipv4 };
}

function result(category: AddressCategory): AddressClassification {
  return { category, description: DESCRIPTIONS[category] };
}

function v4(dotted: string): number {
  const parts = dotted.split('.').map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

function inV4Range(value: number, base: number, prefix: number): boolean {
  if (prefix === 0) return true;
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === (base & mask) >>> 0;
}

function wordsToV4(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** Expands a valid IPv6 text (already checked by isIPv6) into eight 16-bit words. */
function parseIpv6(text: string): number[] {
  let body = text.toLowerCase();
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two hex words.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted?.[1]) {
    const value = v4(dotted[1]);
    body = `${body.slice(0, dotted.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = body.split('::');
  const headWords = head === '' ? [] : head.split(':');
  const tailWords = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headWords.length - tailWords.length;
  const all =
    tail === undefined ? headWords : [...headWords, ...Array<string>(missing).fill('0'), ...tailWords];
  return all.map((word) => Number.parseInt(word, 16));
}
