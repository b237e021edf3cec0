// Error bodies. Back Market documents ErrorResponseV1 for listings and rate limits and no body
// for orders (docs/backmarket.md §1.9); the sandbox uses ErrorResponseV1 everywhere except where the spec says
// otherwise (listing-update 400 = bare JSON string, Cloudflare HTML when that fault is on).
import { randomBytes, randomUUID } from 'node:crypto'

export interface ErrorResponseV1 {
  error: { code: string; message: string; target?: string; data?: Record<string, unknown> }
  requestId: string
}

export function errorBody(
  code: string,
  message: string,
  extra: { target?: string; data?: Record<string, unknown> } = {},
): ErrorResponseV1 {
  return { error: { code, message, ...extra }, requestId: randomUUID() }
}

/** An expected refusal raised deep in a route and turned into a response in one place. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body))
  }
}

export function fail(status: number, code: string, message: string, extra?: { target?: string; data?: Record<string, unknown> }): never {
  throw new SandboxError(status, errorBody(code, message, extra))
}

const HTML_TITLES: Record<number, string> = {
  429: 'Error 1015 · You are being rate limited',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
}

// Looks enough like Cloudflare's edge pages that a client keying on `server: cloudflare`, a
// `cf-ray` header or a text/html body can be exercised.
export function cloudflareHtml(status: number): { headers: Record<string, string>; body: string } {
  const title = HTML_TITLES[status] ?? `${status} Error`
  const ray = `${randomBytes(8).toString('hex')}-CDG`
  const body = `<!DOCTYPE html>
<html lang="en-US"><head><title>${title}</title><meta charset="UTF-8"></head>
<body><center><h1>${title}</h1></center><hr><center>cloudflare</center>
<p>Cloudflare Ray ID: <strong>${ray}</strong></p></body></html>
`
  return { headers: { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-ray': ray }, body }
}
