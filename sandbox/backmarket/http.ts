// Small request helpers shared by the route files.
import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { fail } from './errors'

/** A body that was not valid JSON; routes decide how to refuse it (listings: bare string). */
export class UnparseableBody {
  constructor(readonly raw: string) {}
}

export function parseJsonLenient(raw: string): unknown {
  if (raw.trim() === '') return {}
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return new UnparseableBody(raw)
  }
}

export interface Issue {
  target: string
  message: string
}

export function firstIssue(error: z.ZodError): Issue {
  const issue = error.issues[0]
  const target = issue?.path.map(String).join('.') || 'body'
  return { target, message: `${target}: ${issue?.message ?? 'invalid'}` }
}

/** Parse with zod or answer 400 ErrorResponseV1 naming the field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (value instanceof UnparseableBody) fail(400, 'validation-error', 'Request body is not valid JSON', { target: 'body' })
  const r = schema.safeParse(value ?? {})
  if (!r.success) {
    const { target, message } = firstIssue(r.error)
    fail(400, 'validation-error', message, { target })
  }
  return r.data
}

export function tokenOf(req: FastifyRequest): string | null {
  const m = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
  return m?.[1] ?? null
}

/** The base URL as the client reached us, for absolute next/previous links. */
export function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.headers.host ?? req.hostname}`
}

export function isLoopback(addr: string | undefined): boolean {
  return !!addr && (addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.'))
}

// Integers arrive as numbers or as numeric strings (real clients send both, docs/backmarket.md §1.4).
export const INT_STRING = /^\s*-?\d+\s*$/
