// Where a webhook may be sent (SSRF): a merchant types the URL, and our servers call it. Refused:
// private networks, link-local (the cloud metadata service at 169.254.169.254), carrier-grade NAT,
// unique-local IPv6, multicast, unspecified and reserved addresses, IPv4-mapped IPv6 forms of
// those, and the metadata host names; loopback only where url-policy-env.ts allows it
// (WEBHOOK_ALLOW_LOOPBACK, or vitest). Checked when the endpoint is saved AND at each delivery, against the
// address the connection then uses (see pinned-post.ts), so a DNS answer that changes after the
// check (rebinding) cannot reach an internal address.
import { lookup as dnsLookup } from 'node:dns/promises'
import ipaddr from 'ipaddr.js'
import { log } from '@/lib/log'

export type UrlPolicy = { requireHttps: boolean; allowLoopback: boolean }

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>

const METADATA_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal'])

export class UrlRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'UrlRefusedError'
  }
}

/** The range that forbids calling an IP address, or null when it may be called. */
function refusedRange(address: string, policy: Pick<UrlPolicy, 'allowLoopback'>): string | null {
  if (!ipaddr.isValid(address)) return 'invalid'
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped form is judged as the IPv4 it is.
  const range = ipaddr.process(address).range()
  if (range === 'unicast') return null
  return range === 'loopback' && policy.allowLoopback ? null : range
}

/** Why an IP address may not be called, or null when it may. */
export function addressRefusal(address: string, policy: Pick<UrlPolicy, 'allowLoopback'>): string | null {
  const range = refusedRange(address, policy)
  return range && `${address} is a ${range} address`
}

const defaultResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true })

/** The host without IPv6 brackets: `new URL` keeps them on `hostname`. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/** Syntax and scheme only (no DNS): what a form can say at once. */
export function urlShapeRefusal(raw: string, policy: Pick<UrlPolicy, 'requireHttps'>): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'must be an absolute URL'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL'
  if (policy.requireHttps && url.protocol !== 'https:') return 'must use https'
  if (url.username || url.password) return 'must not hold a user name or password'
  if (METADATA_HOSTS.has(bareHost(url).toLowerCase().replace(/\.$/, ''))) return 'points to a cloud metadata host'
  return null
}

/**
 * Every address the host resolves to must be allowed: one private answer among public ones is
 * enough to refuse (the connection could use it). Returns the addresses to connect to.
 */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, resolve: Resolver = defaultResolver): Promise<{ address: string; family: number }[]> {
  const shape = urlShapeRefusal(raw, policy)
  if (shape) throw new UrlRefusedError(shape)
  return checkHost(bareHost(new URL(raw)), policy, resolve)
}

export async function checkHost(host: string, policy: Pick<UrlPolicy, 'allowLoopback'>, resolve: Resolver = defaultResolver): Promise<{ address: string; family: number }[]> {
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await resolve(host).catch(() => [])
  if (addresses.length === 0) throw new UrlRefusedError(`${host} does not resolve`)
  for (const { address } of addresses) {
    const range = refusedRange(address, policy)
    if (!range) continue
    if (address === host) throw new UrlRefusedError(`${address} is a ${range} address`)
    // The merchant (the 400, the attempt log) learns the kind only: the address itself would map
    // our internal network for whoever types host names.
    log.debug({ host, address, range }, 'webhook host refused: it resolves to an internal address')
    throw new UrlRefusedError(`${host} resolves to a ${range} address`)
  }
  return addresses
}
