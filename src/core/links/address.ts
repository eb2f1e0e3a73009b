// Decides whether an address or URL is somewhere a status-page check must never go.
import net from 'node:net';

type Range = readonly [network: string, prefix: number, kind: string];

// IPv4 ranges a status page can never legitimately live in, each with the word a diagnostic uses.
const IPV4_RANGES: Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved (benchmarking)'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const IPV6_RANGES: Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'reserved (discard)'],
  ['2001:db8::', 32, 'documentation'],
  ['64:ff9b:1::', 48, 'reserved (local NAT64)'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

const lists = new Map<string, net.BlockList>();
for (const [network, prefix, kind] of IPV4_RANGES) listFor(kind).addSubnet(network, prefix, 'ipv4');
for (const [network, prefix, kind] of IPV6_RANGES) listFor(kind).addSubnet(network, prefix, 'ipv6');

function listFor(kind: string): net.BlockList {
  let list = lists.get(kind);
  if (!list) lists.set(kind, (list = new net.BlockList()));
  return list;
}

/** `[::1]` → `::1`, `fe80::1%eth0` → `fe80::1`, `Example.COM.` → `example.com`. */
export function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/%.*$/, '').replace(/\.$/, '').toLowerCase();
}

/**
 * The kind of off-limits address this is (`loopback`, `private`, `link-local`, `unique-local`,
 * `multicast`, `unspecified`, ...), or null for a public address or a name that is not an IP.
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
export function classifyAddress(address: string): string | null {
  const ip = bareHost(address);
  const family = net.isIP(ip);
  if (family === 0) return null;
  if (family === 4) return kindOf(ip, 'ipv4');
  const own = kindOf(ip, 'ipv6');
  if (own) return own;
  const inner = embeddedIPv4(ip);
  return inner ? kindOf(inner, 'ipv4') : null;
}

function kindOf(ip: string, family: 'ipv4' | 'ipv6'): string | null {
  for (const [kind, list] of lists) if (list.check(ip, family)) return kind;
  return null;
}

/** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
export function embeddedIPv4(ipv6: string): string | null {
  const words = ipv6Words(ipv6);
  if (!words) return null;
  const zeros = (from: number, to: number): boolean => words.slice(from, to).every((w) => w === 0);
  let high: number;
  let low: number;
  if (zeros(0, 5) && (words[5] === 0xffff || words[5] === 0)) [high, low] = [words[6], words[7]]; // ::ffff:a.b.c.d, ::a.b.c.d
  else if (zeros(0, 4) && words[4] === 0xffff && words[5] === 0) [high, low] = [words[6], words[7]]; // ::ffff:0:a.b.c.d
  else if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) [high, low] = [words[6], words[7]]; // NAT64
  else if (words[0] === 0x2002) [high, low] = [words[1], words[2]]; // 6to4
  else return null;
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Eight 16-bit words of an IPv6 address, or null when it is not one. */
function ipv6Words(ip: string): number[] | null {
  if (net.isIP(ip) !== 6) return null;
  let text = ip;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headWords = head ? head.split(':') : [];
  const tailWords = tail ? tail.split(':') : [];
  const fill = tail === null ? [] : new Array(8 - headWords.length - tailWords.length).fill('0');
  const words = [...headWords, ...fill, ...tailWords].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => w >= 0 && w <= 0xffff) ? words : null;
}

/** Returns why an IP address is off limits (`169.254.169.254 is a link-local address`), or null. */
export function blockedAddressReason(address: string): string | null {
  const kind = classifyAddress(address);
  if (!kind) return null;
  return `${bareHost(address)} is ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} address`;
}

/** A host as `links.allow_hosts` compares it: lower case, no brackets, no trailing dot, IPs normalised. */
export function normalizeHost(host: string): string {
  const bare = bareHost(host.trim());
  try {
    return bareHost(new URL(`http://${net.isIPv6(bare) ? `[${bare}]` : bare}/`).hostname);
  } catch {
    return bare;
  }
}

/** One `links.allow_hosts` entry: a host, and the one port it is allowed on, or null for every port. */
export interface AllowedHost {
  host: string;
  port: number | null;
}

/**
 * Reads an allow_hosts entry: `status.internal`, `127.0.0.1`, `::1`, or with a port
 * `127.0.0.1:8080`, `[::1]:8080`. Null when it is not a host (a URL, a path, a bad port).
 */
export function parseAllowedHost(entry: string): AllowedHost | null {
  const text = entry.trim();
  if (text === '' || /[\s/?#@\\]/.test(text)) return null;
  let host = text;
  let port: string | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    [, host, port = null] = bracketed;
    if (!net.isIPv6(bareHost(host))) return null;
  } else if (text.split(':').length === 2) {
    [host, port] = text.split(':');
    if (!/^\d+$/.test(port) || host === '') return null;
  } else if (text.includes(':') && !net.isIPv6(bareHost(text))) {
    return null;
  }
  const portNumber = port === null ? null : Number(port);
  if (portNumber !== null && (portNumber < 1 || portNumber > 65_535)) return null;
  try {
    new URL(`http://${net.isIPv6(bareHost(host)) ? `[${bareHost(host)}]` : host}/`);
  } catch {
    return null;
  }
  return { host: normalizeHost(host), port: portNumber };
}

/** The port a URL connects to: the one written, else its scheme's default. */
export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

const parsedLists = new WeakMap<string[], AllowedHost[]>();

/**
 * Whether `host` (on `port`) is exempt from the address guard. An entry with a port allows that
 * port only; without a known port only entries without one match, so nothing is widened.
 */
export function isAllowedHost(host: string, allowHosts: string[], port?: number): boolean {
  if (allowHosts.length === 0) return false;
  let allowed = parsedLists.get(allowHosts);
  if (!allowed) parsedLists.set(allowHosts, (allowed = allowHosts.map(parseAllowedHost).filter((entry): entry is AllowedHost => entry !== null)));
  const wanted = normalizeHost(host);
  return allowed.some((entry) => entry.host === wanted && (entry.port === null || entry.port === port));
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks a status-page URL without touching the network: absolute http(s), no credentials,
 * and no literal private address (the WHATWG parser turns `0x7f.1` and `2130706433` into 127.0.0.1).
 * A host name is judged again after DNS resolution, by the guard in `guard.ts`.
 */
export function checkUrlSyntax(raw: string, allowHosts: string[]): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `"${raw}" is not an absolute URL: write it as https://…` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `"${raw}" uses ${url.protocol.slice(0, -1)}: only http and https status pages are allowed` };
  }
  if (url.username || url.password) return { ok: false, reason: `"${raw}" carries credentials: remove the user name and password from the URL` };
  const reason = hostBlockReason(url, allowHosts);
  if (reason) return { ok: false, reason: `blocked: ${reason} (add the host to links.allow_hosts if this is intended)` };
  return { ok: true, url };
}

/** Why a URL's host is off limits before any DNS (`localhost`, a literal private IP), or null. */
export function hostBlockReason(url: URL, allowHosts: string[]): string | null {
  if (isAllowedHost(url.hostname, allowHosts, urlPort(url))) return null;
  const host = bareHost(url.hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is a loopback name`;
  return blockedAddressReason(host);
}
