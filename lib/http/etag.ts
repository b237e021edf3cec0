// Conditional GET for answers polled by every open page (the connection banner): the answer
// carries a weak ETag, a hash of its JSON, and `Cache-Control: private, no-cache`, so the browser
// keeps it and asks again with If-None-Match each time; an unchanged answer is a 304 without a
// body, which the browser turns back into the cached 200 for the page's script.
import { createHash } from 'node:crypto'

export const REVALIDATE_CACHE_CONTROL = 'private, no-cache'

export type ConditionalAnswer = { status: 200 | 304; text: string | null; headers: Record<string, string> }

/** The weak validator of a JSON text. */
export function weakEtag(text: string): string {
  return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`
}

/** Whether If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/** 200 with the JSON text, or 304 when the request already holds it; the validators either way. */
export function conditionalJson(req: Request, body: unknown): ConditionalAnswer {
  const text = JSON.stringify(body)
  const etag = weakEtag(text)
  const headers = { etag, 'cache-control': REVALIDATE_CACHE_CONTROL }
  if (etagMatches(req.headers.get('if-none-match'), etag)) return { status: 304, text: null, headers }
  return { status: 200, text, headers }
}

export function conditionalJsonResponse(req: Request, body: unknown): Response {
  const answer = conditionalJson(req, body)
  if (answer.text === null) return new Response(null, { status: 304, headers: answer.headers })
  return new Response(answer.text, { status: 200, headers: { ...answer.headers, 'content-type': 'application/json' } })
}
