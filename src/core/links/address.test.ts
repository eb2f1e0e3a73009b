import { describe, expect, it } from 'vitest';
import { checkUrlSyntax, classifyAddress, embeddedIPv4, isAllowedHost, parseAllowedHost } from './address.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.100.0.1', 'shared (carrier-grade NAT)'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:10.0.0.1', 'private'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:c0a8:0101::1', 'private'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', 'status.example.com'])('%s is not blocked', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('reads the IPv4 address inside IPv6 forms', () => {
    expect(embeddedIPv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIPv4('2002:a9fe:a9fe::')).toBe('169.254.169.254');
    expect(embeddedIPv4('2001:db8::1')).toBeNull();
  });
});

describe('checkUrlSyntax', () => {
  it.each([
    'http://0x7f.1/',
    'http://2130706433/',
    'http://017700000001/',
    'http://127.1/',
    'http://[::ffff:127.0.0.1]/',
    'http://[0:0:0:0:0:ffff:7f00:1]/',
    'http://localhost:8080/',
    'http://LOCALHOST./',
    'http://app.localhost/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0/',
  ])('blocks %s', (url) => {
    const verdict = checkUrlSyntax(url, []);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(/^blocked: /);
  });

  it('names the address and its kind', () => {
    expect(checkUrlSyntax('http://0x7f.1/', [])).toEqual({
      ok: false,
      reason: 'blocked: 127.0.0.1 is a loopback address (add the host to links.allow_hosts if this is intended)',
    });
  });

  it('refuses other schemes, relative URLs and credentials', () => {
    expect(checkUrlSyntax('ftp://status.example.com/', [])).toMatchObject({ ok: false, reason: expect.stringContaining('only http and https') });
    expect(checkUrlSyntax('javascript:alert(1)', [])).toMatchObject({ ok: false, reason: expect.stringContaining('javascript') });
    expect(checkUrlSyntax('/status', [])).toMatchObject({ ok: false, reason: expect.stringContaining('not an absolute URL') });
    expect(checkUrlSyntax('https://user:pw@status.example.com/', [])).toMatchObject({ ok: false, reason: expect.stringContaining('credentials') });
  });

  it('accepts public names and addresses, and hosts in allow_hosts', () => {
    expect(checkUrlSyntax('https://www.githubstatus.com/', []).ok).toBe(true);
    expect(checkUrlSyntax('http://127.0.0.1:8080/', ['127.0.0.1']).ok).toBe(true);
    expect(checkUrlSyntax('http://[::1]:8080/', ['::1']).ok).toBe(true);
    expect(checkUrlSyntax('http://status.intranet./', ['Status.Intranet']).ok).toBe(true);
  });
});

describe('isAllowedHost', () => {
  it('compares normalised hosts', () => {
    expect(isAllowedHost('127.0.0.1', ['127.1'])).toBe(true);
    expect(isAllowedHost('[::1]', ['0:0:0:0:0:0:0:1'])).toBe(true);
    expect(isAllowedHost('127.0.0.2', ['127.0.0.1'])).toBe(false);
  });
});

describe('allow_hosts entries with a port', () => {
  it.each([
    ['127.0.0.1:18080', { host: '127.0.0.1', port: 18080 }],
    ['[::1]:8080', { host: '::1', port: 8080 }],
    ['::1', { host: '::1', port: null }],
    ['Status.Internal', { host: 'status.internal', port: null }],
    ['status.internal:443', { host: 'status.internal', port: 443 }],
  ])('reads %s', (entry, expected) => {
    expect(parseAllowedHost(entry)).toEqual(expected);
  });

  it.each(['https://status.internal/', '127.0.0.1:0', '127.0.0.1:70000', 'host:port', '[nothost]:80', ':80', 'a b', ''])('refuses %o', (entry) => {
    expect(parseAllowedHost(entry)).toBeNull();
  });

  it('allows exactly the host and port named, never the host on every port', () => {
    expect(isAllowedHost('127.0.0.1', ['127.0.0.1:18080'], 18080)).toBe(true);
    expect(isAllowedHost('127.0.0.1', ['127.0.0.1:18080'], 18081)).toBe(false);
    expect(isAllowedHost('127.0.0.1', ['127.0.0.1:18080'])).toBe(false);
    expect(checkUrlSyntax('http://127.0.0.1:18080/', ['127.0.0.1:18080']).ok).toBe(true);
    expect(checkUrlSyntax('http://127.0.0.1:9999/', ['127.0.0.1:18080']).ok).toBe(false);
    expect(checkUrlSyntax('https://[::1]/', ['[::1]:443']).ok).toBe(true);
  });
});
