// One /api/v1 operation described once: its path, scope, input schemas and answers. The route
// parses with these schemas (lib/api-v1/route.ts) and the OpenAPI document is generated from the
// same objects (lib/api-v1/openapi.ts), so the published contract cannot drift from the code.
import type { z } from 'zod'

export const API_SCOPES = ['warehouse:write', 'sync:read', 'sync:write'] as const
export type ApiScope = (typeof API_SCOPES)[number]

export type V1Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export type V1Response = { description: string; schema?: z.ZodType; headers?: Record<string, string> }

export type V1Operation = {
  operationId: string
  method: V1Method
  /** OpenAPI style, below /api/v1: `/orders/{reference}`. */
  path: string
  summary: string
  description?: string
  tags: readonly string[]
  /** The scope the key needs (403 without it). */
  scope: ApiScope
  params?: z.ZodObject
  query?: z.ZodObject
  body?: z.ZodType
  /** Success answers by status. 400/401/403/404/409/413/415/429 are added by the generator. */
  responses: Record<number, V1Response>
  /** Body size cap in bytes (default 64 KiB). */
  maxBodyBytes?: number
  /** A write that honours the Idempotency-Key header (stored answer replayed; other body → 409). */
  idempotent?: boolean
}

export function defineOperation<const O extends V1Operation>(operation: O): O {
  return operation
}
