// Everything that happens to a /ws/ request before its route: the request log, injected faults
// (which, like Cloudflare, answer before the app sees the token), auth, User-Agent, rate limit.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { SandboxContext } from './context'
import { cloudflareHtml, errorBody } from './errors'
import { drawFault } from './faults'
import { tokenOf, UnparseableBody } from './http'
import { redactBody, redactHeaders, tokenId } from './redact'
import type { LoggedRequest } from './request-log'

const USER_AGENT = /^BM-.+;.+@.+$/
const entries = new WeakMap<FastifyRequest, LoggedRequest>()

export function logWsRequest(ctx: SandboxContext) {
  return async (req: FastifyRequest) => {
    const at = new Date(ctx.now()).toISOString()
    entries.set(req, ctx.log.add({ at, method: req.method, path: req.url, tokenId: tokenId(tokenOf(req)), headers: redactHeaders(req.headers) }))
  }
}

export function recordStatus() {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const entry = entries.get(req)
    if (entry) entry.status = reply.statusCode
  }
}

export function guardWs(ctx: SandboxContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const entry = entries.get(req)
    if (entry) entry.body = req.body instanceof UnparseableBody ? req.body.raw : redactBody(req.body ?? null)

    const f = ctx.faults
    if (f.latencyMs > 0 && (await sleep(f.latencyMs, ctx.closing))) return hold(reply)
    const fault = drawFault(f)
    if (fault.kind === 'timeout') return hold(reply)
    if (fault.kind === '5xx') {
      const message = fault.status === 502 ? 'Bad Gateway' : 'Service Unavailable'
      return sendError(reply, fault.status, f.htmlErrors, errorBody(fault.status === 502 ? 'bad-gateway' : 'service-unavailable', message))
    }
    // Back Market documents no Retry-After, so the injected 429 has none; the limiter's does.
    if (fault.kind === '429') return sendError(reply, 429, f.htmlErrors, errorBody('rate-limited', 'Too many requests'))

    const token = tokenOf(req)
    const account = token ? ctx.store.account(token) : undefined
    if (!token || !account) {
      return reply.code(401).send(errorBody('unauthenticated', 'Authentication credentials were not provided or are invalid.', { target: 'Authorization' }))
    }
    if (!USER_AGENT.test(req.headers['user-agent'] ?? '')) {
      return reply.code(403).send(errorBody('forbidden', 'A User-Agent of the form BM-{Company}-{Integration};{email} is required.', { target: 'User-Agent' }))
    }
    const limited = ctx.requestLimiter.take(token, ctx.now())
    if (!limited.ok) {
      reply.header('retry-after', String(Math.ceil(limited.retryAfterMs / 1000)))
      return sendError(reply, 429, f.htmlErrors, errorBody('rate-limited', 'Too many requests'))
    }
    req.bmToken = token
    req.bmAccount = account
  }
}

function sendError(reply: FastifyReply, status: number, html: boolean, json: unknown) {
  if (!html) return reply.code(status).send(json)
  const page = cloudflareHtml(status)
  return reply.code(status).headers(page.headers).send(page.body)
}

// The client sees a connection that never answers; close() destroys the socket.
function hold(reply: FastifyReply) {
  reply.hijack()
  return reply
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(true)
    const onAbort = () => {
      clearTimeout(timer)
      resolve(true)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(false)
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Faults that strike after a write was applied: the answer is late, or never arrives. This is
 * the case a client must survive without re-sending blindly (Back Market has no idempotency key).
 */
export function afterWriteFaults(ctx: SandboxContext) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'POST' || reply.statusCode >= 300) return payload
    const f = ctx.faults
    if (f.afterWriteLatencyMs > 0 && (await sleep(f.afterWriteLatencyMs, ctx.closing))) return payload
    if (f.lostWriteResponseRate > 0 && Math.random() < f.lostWriteResponseRate) req.raw.socket?.destroy()
    return payload
  }
}
