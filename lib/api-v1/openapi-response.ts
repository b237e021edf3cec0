// The answer of GET /api/v1/openapi.json: the document as JSON with a strong ETag (a hash of its
// text), so a client that has it gets a 304 instead of the whole document again.
import { createHash } from 'node:crypto'
import { openApiDocument } from './openapi'

const CACHE_CONTROL = 'public, max-age=300, must-revalidate'

let cached: { text: string; etag: string } | undefined

function documentText() {
  if (!cached) {
    const text = JSON.stringify(openApiDocument())
    cached = { text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"` }
  }
  return cached
}

/** The document, or a 304 when `ifNoneMatch` already names its ETag. */
export function openApiDocumentResponse(ifNoneMatch: string | null): Response {
  const { text, etag } = documentText()
  const headers = { 'cache-control': CACHE_CONTROL, etag }
  const known = ifNoneMatch?.split(',').map((tag) => tag.trim().replace(/^W\//, ''))
  if (known?.includes(etag) || ifNoneMatch?.trim() === '*') return new Response(null, { status: 304, headers })
  return new Response(text, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } })
}
