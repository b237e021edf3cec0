// startSandbox: a real HTTP server that behaves as Back Market's Seller API (docs/sandbox-contract.md).
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { DEFAULT_LIMITS, type Limits, type SandboxContext } from './context'
import { errorBody, SandboxError } from './errors'
import { NO_FAULTS } from './faults'
import { afterWriteFaults, guardWs, logWsRequest, recordStatus } from './guard'
import { parseJsonLenient } from './http'
import { createSlidingWindowLimiter } from './rate-limit'
import { refuseForeignHost } from './perimeter'
import { createRequestLog } from './request-log'
import { controlRoutes } from './routes/control'
import { listingRoutes } from './routes/listings'
import { orderRoutes } from './routes/orders'
import { createStore } from './state'

export interface SandboxOptions {
  /** 0 = any free port. */
  port?: number
  host?: string
  /** JSON file the state is loaded from and saved to; omitted = in memory only. */
  stateFile?: string
  /** Overrides of Back Market's limits, e.g. a small SKU-line quota for a test. */
  limits?: Partial<Limits>
  logger?: boolean
  /** Host names served besides loopback (a sandbox reached by name in a container network). */
  allowedHosts?: string[]
}

export interface Sandbox {
  url: string
  close(): Promise<void>
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const closing = new AbortController()
  const ctx: SandboxContext = {
    store: await createStore({ file: opts.stateFile }),
    faults: { ...NO_FAULTS },
    log: createRequestLog(),
    requestLimiter: createSlidingWindowLimiter({ limit: limits.requests, windowMs: limits.windowMs, blockMs: limits.blockMs }),
    skuLimiter: createSlidingWindowLimiter({ limit: limits.skuLinesPerHour, windowMs: 3_600_000, blockMs: 0 }),
    closing: closing.signal,
    now: Date.now,
  }

  // forceCloseConnections: close() must not wait for requests the timeout fault holds open.
  const app = Fastify({ logger: opts.logger ?? false, forceCloseConnections: true, routerOptions: { ignoreTrailingSlash: true } })
  registerBodyParsers(app)
  app.setErrorHandler(errorHandler)
  app.addHook('onRequest', refuseForeignHost(opts.allowedHosts))

  await app.register(
    async (ws) => {
      ws.addHook('onRequest', logWsRequest(ctx))
      ws.addHook('preHandler', guardWs(ctx))
      ws.addHook('onSend', afterWriteFaults(ctx))
      ws.addHook('onResponse', recordStatus())
      orderRoutes(ws, ctx)
      listingRoutes(ws, ctx)
      ws.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('not-found', `No route ${req.method} ${req.url}`)))
    },
    { prefix: '/ws' },
  )
  await app.register(async (control) => controlRoutes(control, ctx), { prefix: '/__sandbox' })

  await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' })
  const addr = app.server.address()
  if (!addr || typeof addr === 'string') throw new Error('Sandbox did not bind a TCP port')
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address

  let closed: Promise<void> | undefined
  return {
    url: `http://${host}:${addr.port}`,
    close: () =>
      (closed ??= (async () => {
        closing.abort()
        await app.close()
        await ctx.store.flush()
      })()),
  }
}

// Lenient on purpose: a body that is not JSON reaches the route, which refuses it the way
// Back Market does for that endpoint (ErrorResponseV1, or a bare string for listings).
function registerBodyParsers(app: FastifyInstance) {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  })
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, parseJsonLenient(body as string)))
}

function errorHandler(err: FastifyError | SandboxError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof SandboxError) {
    // A bare string body must still go out as JSON ("..."), not text/plain.
    if (typeof err.body === 'string') return reply.code(err.status).type('application/json').send(JSON.stringify(err.body))
    return reply.code(err.status).send(err.body)
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
  if (status === 500) req.log.error({ err }, 'sandbox bug')
  return reply.code(status).send(errorBody(status === 500 ? 'internal-error' : 'bad-request', status === 500 ? 'Internal server error' : err.message))
}
