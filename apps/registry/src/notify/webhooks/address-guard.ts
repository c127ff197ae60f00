import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';

/** A webhook target the registry will not reach: its own machine or network. */
export class WebhookTargetRefused extends Error {}

/**
 * Keeps webhooks off the registry's own network (SSRF): only public unicast addresses are reached, unless the
 * host or the address is listed in REGISTRY_WEBHOOK_ALLOWED_HOSTS. ipaddr.js classifies the ranges (loopback,
 * link-local, private, unique-local, CGNAT, multicast, reserved…; IPv4-mapped IPv6 is unwrapped first).
 */
export class AddressGuard {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedHosts: readonly string[]) {
    this.allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  }

  /** Refuses a URL whose host is itself an address that may not be reached (before anything is recorded). */
  checkLiteral(url: string): void {
    const host = hostOf(url);
    if (this.allowed.has(host)) return;
    if (host === 'localhost' || host.endsWith('.localhost')) throw new WebhookTargetRefused(`the webhook host ${host} is this machine`);
    if (ipaddr.isValid(host)) this.checkAddress(host, host);
  }

  /** Resolves the URL's host and returns the address to connect to, once every address it resolves to is allowed:
   * the connection then goes to that address, so a second resolution (DNS rebinding) cannot change it. */
  async resolve(url: string): Promise<{ address: string; family: 4 | 6 }> {
    const host = hostOf(url);
    const addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await lookup(host, { all: true, verbatim: true });
    if (addresses.length === 0) throw new WebhookTargetRefused(`the webhook host ${host} has no address`);
    if (!this.allowed.has(host)) for (const { address } of addresses) this.checkAddress(host, address);
    const [first] = addresses;
    return { address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  private checkAddress(host: string, address: string): void {
    if (this.allowed.has(address.toLowerCase())) return;
    const range = ipaddr.process(address).range();
    if (range !== 'unicast') throw new WebhookTargetRefused(`the webhook host ${host} resolves to ${address}, a ${range} address the registry does not reach`);
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
