// Which network addresses an article's image may be fetched from. Archives are untrusted: an
// <img src="http://192.168.1.1/admin"> must not make the app probe the user's network, so every
// address that is not plainly public is refused. Checked on the address actually connected to
// (see fetchImage's lookup), so a name that resolves to 127.0.0.1 is refused as well.

import { isIP } from 'node:net';

type AddressVerdict = { ok: true } | { ok: false; reason: string };

interface AddressPolicyOptions {
  /** Tests only (BROADSHEET_ALLOW_LOOPBACK_IMAGES=1): 127.0.0.0/8 and ::1 are allowed. */
  allowLoopback?: boolean;
}

/** IPv4 address as four bytes, or null. Only the dotted-quad form `net.isIP` accepts. */
function ipv4Bytes(ip: string): number[] | null {
  if (isIP(ip) !== 4) return null;
  return ip.split('.').map(Number);
}

/** IPv6 address as eight 16-bit groups (an embedded dotted IPv4 tail expanded), or null. */
export function ipv6Groups(ip: string): number[] | null {
  const bare = ip.replace(/%.*$/, ''); // zone id
  if (isIP(bare) !== 6) return null;
  let text = bare;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const b = ipv4Bytes(tail[1]!);
    if (!b) return null;
    text = `${text.slice(0, tail.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((g) => Number.parseInt(g, 16)) : [];
  const left = parse(head);
  const right = parse(rest);
  const fill = rest === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  const groups = [...left, ...fill, ...right];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function checkIpv4(b: number[], options: AddressPolicyOptions): AddressVerdict {
  const [a, s] = [b[0]!, b[1]!];
  const refuse = (what: string): AddressVerdict => ({ ok: false, reason: `${b.join('.')} is ${what}` });
  if (a === 127) return options.allowLoopback ? { ok: true } : refuse('a loopback address');
  if (a === 0) return refuse('an unspecified ("this network") address');
  if (a === 10 || (a === 172 && s >= 16 && s <= 31) || (a === 192 && s === 168)) {
    return refuse('a private network address');
  }
  if (a === 169 && s === 254) return refuse('a link-local address');
  if (a === 100 && s >= 64 && s <= 127) return refuse('a carrier-grade NAT (shared) address');
  if (a === 192 && s === 0 && b[2] === 0) return refuse('an IETF protocol address');
  if (a === 198 && (s === 18 || s === 19)) return refuse('a benchmarking network address');
  if (a >= 224 && a <= 239) return refuse('a multicast address');
  if (a >= 240) return refuse('a reserved or broadcast address');
  return { ok: true };
}

function checkIpv6(g: number[], ip: string, options: AddressPolicyOptions): AddressVerdict {
  const refuse = (what: string): AddressVerdict => ({ ok: false, reason: `${ip} is ${what}` });
  const first5Zero = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0;
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible) reach the IPv4 address.
  if (first5Zero && (g[5] === 0xffff || (g[5] === 0 && (g[6] !== 0 || g[7]! > 1)))) {
    const v4 = [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff];
    return checkIpv4(v4, options);
  }
  // 64:ff9b::/96 (NAT64) carries an IPv4 address too.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) {
    return checkIpv4([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff], options);
  }
  if (g.every((x) => x === 0)) return refuse('the unspecified address');
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) {
    return options.allowLoopback ? { ok: true } : refuse('the loopback address');
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return refuse('a unique local (private) address');
  if ((g[0]! & 0xffc0) === 0xfe80) return refuse('a link-local address');
  if ((g[0]! & 0xffc0) === 0xfec0) return refuse('a site-local address');
  if ((g[0]! & 0xff00) === 0xff00) return refuse('a multicast address');
  if (g[0] === 0x2002) return refuse('a 6to4 address (it can wrap a private IPv4 address)');
  if (g[0] === 0x2001 && g[1] === 0) return refuse('a Teredo address (it can wrap a private IPv4 address)');
  if (g[0] === 0x2001 && g[1] === 0xdb8) return refuse('a documentation address');
  if (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return refuse('a discard-only address');
  return { ok: true };
}

/** May an article's image be fetched from this IP address? `ip` is a literal, not a host name. */
export function checkAddress(ip: string, options: AddressPolicyOptions = {}): AddressVerdict {
  const v4 = ipv4Bytes(ip);
  if (v4) return checkIpv4(v4, options);
  const v6 = ipv6Groups(ip);
  if (v6) return checkIpv6(v6, ip, options);
  return { ok: false, reason: `"${ip.slice(0, 60)}" is not an IP address` };
}
