// What a mutation's body may be: JSON, UTF-8, and small. The media-type rule is pure; reading is
// capped while it streams, so a multi-megabyte body is refused without being held in memory.
import { AppError } from '@/lib/errors'

/**
 * The largest body any route takes, with room to spare: a bulk re-sync or dismiss of 500 ids is
 * about 20 kB, an address edit 3 kB.
 */
export const MAX_JSON_BODY_BYTES = 64 * 1024

/** `application/json`, any case, with parameters allowed; a charset, if given, must be UTF-8 (RFC 8259). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json') return false
  return params.every((p) => !p.startsWith('charset=') || ['utf-8', 'utf8', '"utf-8"'].includes(p.slice('charset='.length)))
}

/** Whether the headers announce a body: a length above 0, a chunked transfer, or a media type. */
export function announcesBody(headers: Headers): boolean {
  const length = headers.get('content-length')
  return (length !== null && length.trim() !== '0') || headers.has('transfer-encoding') || headers.has('content-type')
}

export function unsupportedMediaType(contentType: string | null): AppError {
  const named = contentType === null ? 'a body without Content-Type' : `Content-Type ${contentType.slice(0, 100)}`
  return new AppError('unsupported_media_type', {
    userMessage: `The body must be JSON (Content-Type: application/json), not ${named}.`,
    fields: { body: ['must be JSON, sent as Content-Type: application/json'] },
  })
}

export function payloadTooLarge(cap = MAX_JSON_BODY_BYTES): AppError {
  return new AppError('payload_too_large', {
    userMessage: `The body is too large: at most ${cap} bytes.`,
    fields: { body: [`at most ${cap} bytes`] },
  })
}

/** A Content-Length above the cap is refused before a byte is read. */
export function declaredLengthTooLarge(headers: Headers, cap = MAX_JSON_BODY_BYTES): boolean {
  const length = Number(headers.get('content-length') ?? 0)
  return Number.isFinite(length) && length > cap
}

/**
 * The body as UTF-8 text, or a 413 as soon as it passes the cap, or a 400 if it is not UTF-8.
 * The cap is the dashboard's unless a route takes more (a batch of warehouse events).
 */
export async function readCappedText(req: Request, cap = MAX_JSON_BODY_BYTES): Promise<string> {
  if (declaredLengthTooLarge(req.headers, cap)) throw payloadTooLarge(cap)
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = req.body?.getReader()
  try {
    for (;;) {
      const next = await reader?.read()
      if (!next || next.done) break
      size += next.value.byteLength
      if (size > cap) {
        await reader?.cancel()
        throw payloadTooLarge(cap)
      }
      chunks.push(next.value)
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch (cause) {
    if (cause instanceof AppError) throw cause
    // Not UTF-8, or a body already read or cut off by the client: the body is the problem.
    throw new AppError('bad_request', { userMessage: 'Invalid body: expected JSON in UTF-8', fields: { body: ['expected JSON in UTF-8'] }, cause })
  }
}
