// Who may talk to the sandbox. It runs on developers' machines with well-known demo tokens and a
// control API without authentication that can wipe or rewrite everything, so no web page may
// reach it: not by DNS rebinding (a page's own name resolving to 127.0.0.1, sent as its Host),
// not by a `no-cors` POST from any site (the browser still sends Origin).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { errorBody } from './errors'

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]']

/** The host name of a Host header, lower-cased, without its port; null when malformed. */
export function hostName(header: string | undefined): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header?.trim() ?? '')
  return m?.[1]?.toLowerCase() ?? null
}

/**
 * Every request: its Host must name loopback (any port), or a host the sandbox was explicitly
 * told to serve (SANDBOX_ALLOWED_HOSTS, for a sandbox reached by name in a container network).
 */
export function refuseForeignHost(extraHosts: readonly string[] = []) {
  const allowed = new Set([...LOOPBACK_HOSTS, ...extraHosts.map((h) => h.toLowerCase())])
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const host = hostName(req.headers.host)
    if (host && allowed.has(host)) return
    return reply
      .code(403)
      .send(errorBody('forbidden', `Host ${JSON.stringify(req.headers.host ?? '')} is not served: the sandbox answers loopback names only (127.0.0.1, localhost, [::1])`, { target: 'Host' }))
  }
}

/**
 * The control API: no web page at all. Its clients are scripts and tests (Node sends neither
 * header); a browser sends Origin on every POST/PUT/DELETE — `null` from a sandboxed frame, which
 * is refused too — and Sec-Fetch-Site on every request, `none` only when a person typed the URL.
 */
export async function refuseWebPages(req: FastifyRequest, reply: FastifyReply) {
  if (req.headers.origin !== undefined) {
    return reply.code(403).send(errorBody('forbidden', 'The control API does not answer web pages (the request carries an Origin header)', { target: 'Origin' }))
  }
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'none') {
    return reply.code(403).send(errorBody('forbidden', `The control API does not answer web pages (Sec-Fetch-Site: ${String(site)})`, { target: 'Sec-Fetch-Site' }))
  }
}
