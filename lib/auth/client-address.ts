// The address a sign-in comes from, for throttling. A route handler or server action never sees
// the socket: all it has is X-Forwarded-For. `next start` / `next dev` fill that header with the
// socket's peer address only when the request has none (base-server.js: `??=`), and every proxy
// in front of us appends the address it received from. So with `trustedProxies` proxies the
// client is the entry that many from the right, and anything further left was written by the
// client itself. With none, the header is Next's own unless the client sent one: then it is the
// client's choice, which is why the per-account limit never depends on it (docs/decisions/0006).
import { isIP } from 'node:net'
import { env } from '@/lib/env'

/**
 * The client's own address, as the audit and the list of sessions show it (a person recognises
 * "::1" or "2001:db8::7", not a /64 key): the same entry the throttle reads, checked, not widened.
 */
export function requestExactAddress(headers: { get(name: string): string | null }): string | null {
  return exactAddress(headers.get('x-forwarded-for'), env().TRUSTED_PROXY_COUNT)
}

export function exactAddress(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  const hops = (forwardedFor ?? '').split(',').map((h) => h.trim()).filter(Boolean)
  // Fewer entries than proxies: the request did not come through them; its header proves nothing.
  const entry = hops[hops.length - Math.max(trustedProxies, 1)]
  return entry === undefined ? null : plainAddress(entry)
}

/** The throttling key of the client: its exact address, an IPv6 one widened to its /64. */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  const exact = exactAddress(forwardedFor, trustedProxies)
  return exact === null ? null : normalizeAddress(exact)
}

/** The throttling key for an address recorded exactly (a session's, an actor's); anything else kept as is. */
export function throttleKeyOf(address: string | null): string | null {
  return address === null ? null : (normalizeAddress(address) ?? address)
}

/** An address without brackets or port, an IPv4-mapped IPv6 address as IPv4, lower case; junk is null. */
export function plainAddress(raw: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(raw)
  let address = bracketed ? bracketed[1]! : raw
  if (isIP(address) === 0 && /^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'))
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) address = mapped[1]!
  return isIP(address) === 0 ? null : address.toLowerCase()
}

/**
 * One key per client: an IPv4-mapped IPv6 address is its IPv4 address, and an IPv6 address counts
 * by its /64 (one subscriber's LAN; a host picks freely inside it). Junk is no address.
 */
export function normalizeAddress(raw: string): string | null {
  const address = plainAddress(raw)
  if (address === null) return null
  return isIP(address) === 6 ? `${expandIpv6(address).slice(0, 4).join(':')}::/64` : address
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0')
  return [...left, ...middle, ...right].map((g) => g.replace(/^0+(?=.)/, ''))
}
