// One POST to a webhook endpoint. The connection's DNS lookup is ours: it resolves the host, refuses
// if any answer is not allowed, and hands the socket the checked address, so what was checked is
// what is connected to (no second resolution for a rebinding DNS server to answer differently).
// Redirects are not followed (a 3xx is a failed attempt); the answer's body is read up to 1 KiB.
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { addressRefusal, checkHost, urlShapeRefusal, type Resolver, type UrlPolicy } from './url-policy'

export const DELIVERY_TIMEOUT_MS = 15_000
const EXCERPT_BYTES = 1_024

export type PostOutcome = { statusCode: number | null; error: string | null; excerpt: string | null; durationMs: number }

function pinnedLookup(policy: UrlPolicy, resolve?: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    checkHost(hostname, policy, resolve).then(
      (addresses) => {
        if (options.all) callback(null, addresses)
        else callback(null, addresses[0]!.address, addresses[0]!.family)
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    )
  }
}

export async function pinnedPost(opts: {
  url: string
  headers: Record<string, string>
  body: string
  policy: UrlPolicy
  resolve?: Resolver
  timeoutMs?: number
}): Promise<PostOutcome> {
  const started = performance.now()
  const done = (o: Omit<PostOutcome, 'durationMs'>): PostOutcome => ({ ...o, durationMs: Math.round(performance.now() - started) })
  const shape = urlShapeRefusal(opts.url, opts.policy)
  if (shape) return done({ statusCode: null, error: `URL refused: ${shape}`, excerpt: null })
  const url = new URL(opts.url)
  // An IP literal never goes through lookup: it is checked here.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const literalRefusal = isIP(host) ? addressRefusal(host, opts.policy) : null
  if (literalRefusal) return done({ statusCode: null, error: `URL refused: ${literalRefusal}`, excerpt: null })
  const timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS

  return new Promise((resolvePost) => {
    const client = url.protocol === 'https:' ? https : http
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'bm-dashboard-webhooks/1', ...opts.headers, 'content-length': Buffer.byteLength(opts.body) },
        lookup: pinnedLookup(opts.policy, opts.resolve),
        // A fresh connection each time: a kept-alive socket would skip the lookup and its check.
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk)
          size += chunk.length
        })
        res.on('end', () => settle(res.statusCode ?? null, null, Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8')))
        res.on('error', (err) => settle(res.statusCode ?? null, err.message, null))
      },
    )
    let settled = false
    const settle = (statusCode: number | null, error: string | null, excerpt: string | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolvePost(done({ statusCode, error, excerpt }))
    }
    // The whole exchange is bounded, not only the gaps between packets.
    const tooLate = () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`))
    const timer = setTimeout(tooLate, timeoutMs)
    req.on('timeout', tooLate)
    req.on('error', (err) => settle(null, err.message, null))
    req.end(opts.body)
  })
}
