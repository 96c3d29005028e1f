import ipaddr from 'ipaddr.js';

/** Tests one string (an IP address, or anything else: then false) against compiled CIDR ranges. */
export type CidrMatcher = (value: string) => boolean;

/**
 * Compiles CIDR ranges (`10.0.0.0/8`, `2001:db8::/32`, or a bare address)
 * into one matcher that holds when the value is an IP address inside any of
 * them. IPv4-mapped IPv6 addresses (`::ffff:10.1.2.3`) count as IPv4.
 * CloudTrail's `sourceIPAddress` may be a service name (`bedrock.amazonaws.com`,
 * `AWS Internal`); those never match. Throws on an invalid range.
 *
 * @example
 * ```ts
 * cidrMatcher(['10.0.0.0/8'])('10.20.30.40'); // true
 * ```
 */
export function cidrMatcher(ranges: string | readonly string[]): CidrMatcher {
  const parsed = (typeof ranges === 'string' ? [ranges] : ranges).map(parseRange);
  return (value) => {
    if (!ipaddr.isValid(value)) return false;
    const address = ipaddr.process(value);
    for (const [network, bits] of parsed) {
      if (network.kind() === address.kind() && address.match(network, bits)) return true;
    }
    return false;
  };
}

/** True when `range` is a CIDR range or an IP address {@link cidrMatcher} accepts. */
export function isCidr(range: string): boolean {
  try {
    parseRange(range);
    return true;
  } catch {
    return false;
  }
}

function parseRange(range: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const text = range.trim();
  if (!text.includes('/')) {
    if (!ipaddr.isValid(text)) throw new Error(`"${range}" is not an IP address or CIDR range`);
    const address = ipaddr.process(text);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  }
  const [network, bits] = ipaddr.parseCIDR(text);
  if (network.kind() === 'ipv6' && (network as ipaddr.IPv6).isIPv4MappedAddress()) {
    return [(network as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)];
  }
  return [network, bits];
}
