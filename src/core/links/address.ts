// Decides whether an address or URL is somewhere a status-page check must never go.
import net from 'node:net';

const blocked = new net.BlockList();
// IPv4: this network, private, shared (CGNAT), loopback, link-local, multicast, reserved, broadcast.
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
// IPv6: unspecified, loopback, unique-local, link-local, site-local, multicast, NAT64/discard/documentation.
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['100::', 64],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** Returns why an IP address is off limits, or null when it is a public address. */
export function blockedAddressReason(address: string): string | null {
  let ip = address.replace(/^\[|\]$/g, '');
  const family = net.isIP(ip);
  if (family === 0) return null;
  if (family === 6) {
    // IPv4-mapped (::ffff:127.0.0.1 or ::ffff:7f00:1): judge the IPv4 address inside.
    const mapped = /^::ffff:(?:0:)?(.+)$/i.exec(ip);
    if (mapped) {
      const inner = mapped[1];
      if (net.isIPv4(inner)) ip = inner;
      else {
        const parts = inner.split(':');
        if (parts.length === 2) {
          const high = parseInt(parts[0], 16);
          const low = parseInt(parts[1], 16);
          ip = `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
        }
      }
    }
  }
  const v = net.isIP(ip) === 4 ? 'ipv4' : 'ipv6';
  return blocked.check(ip, v) ? `resolves to ${address.replace(/^\[|\]$/g, '')}, a loopback, private, link-local or reserved address` : null;
}

export function isAllowedHost(host: string, allowHosts: string[]): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return allowHosts.some((allowed) => allowed.replace(/^\[|\]$/g, '').toLowerCase() === bare);
}

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks a status-page URL without touching the network: absolute http(s), no credentials,
 * and no literal private address (the WHATWG parser turns `0x7f.1` and `2130706433` into 127.0.0.1).
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
  if (isAllowedHost(url.hostname, allowHosts)) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return { ok: false, reason: `blocked: "${raw}" points at localhost` };
  const reason = blockedAddressReason(host);
  if (reason) return { ok: false, reason: `blocked: ${url.hostname} ${reason.replace(/^resolves to \S+, /, 'is ')}` };
  return { ok: true, url };
}
