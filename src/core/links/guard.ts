// The address guard after DNS: a `lookup` for undici's connector that refuses off-limits addresses,
// so the check connects only to the address it judged (no gap for DNS rebinding between check and use).
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { bareHost, classifyAddress, isAllowedHost } from './address.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has; tests inject a fake one so no real DNS query happens. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** Raised inside the connector when a host resolves to an address the check must not reach. */
export class BlockedAddressError extends Error {
  readonly code = 'EVIGILBLOCKED';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly kind: string,
  ) {
    super(`${hostname} resolves to ${address} (${kind})`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * A `net.connect` lookup that resolves through `resolve` and fails when any address is off limits
 * (one bad address is enough: the connection could land on it). Honours `options.all` and
 * `options.family`, which Node's happy-eyeballs connect uses. Allowed hosts, and addresses listed in
 * `allowHosts`, pass; `port` is where the connection goes, for entries that allow one port only.
 */
export function guardedLookup(allowHosts: string[], resolve: Resolver = systemResolver, port?: number): LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (error: NodeJS.ErrnoException | null, address: string | ResolvedAddress[], family?: number) => void;
    resolve(bareHost(hostname)).then(
      (found) => {
        const family = typeof options.family === 'number' ? options.family : options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : 0;
        const addresses = family ? found.filter((entry) => entry.family === family) : found;
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
          done(error, '');
          return;
        }
        if (!isAllowedHost(hostname, allowHosts, port)) {
          for (const entry of addresses) {
            const kind = isAllowedHost(entry.address, allowHosts, port) ? null : classifyAddress(entry.address);
            if (kind) {
              done(new BlockedAddressError(hostname, entry.address, kind), '');
              return;
            }
          }
        }
        if (options.all) done(null, addresses);
        else done(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => done(error, ''),
    );
  };
}
