// The OpenAPI 3.1 document of /api/v1, generated from the operation objects the routes parse
// with (lib/api-v1/operations/index.ts): no hand-kept copy, so it cannot drift from the code.
// zod-openapi renders the zod schemas through zod's own JSON Schema output (README, "Libraries
// chosen"). Built once per process: the operations are constants.
import { z } from 'zod'
import { createDocument, type oas31, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi'
import { errorResponses } from './openapi-errors'
import type { V1Operation } from './operation'
import { API_BASE_PATH, OPENAPI_DOCUMENT_PATH } from './openapi-paths'
import { V1_OPERATIONS } from './operations'
import { webhookOperations } from '@/lib/webhooks/openapi-webhooks'

/** Bumped by hand: minor for an addition, major (a new /api/vN) for anything a client would notice. */
export const API_VERSION = '1.0.0'
export const SECURITY_SCHEME = 'apiKey'

const IDEMPOTENCY_KEY = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/)
  .optional()
  .meta({
    description:
      'Any unique string (a UUID): the same key again within 24 hours replays the first answer instead of doing the write twice; the same key with another body is a 409.',
  })

function describeOperation(op: V1Operation): ZodOpenApiOperationObject {
  const responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, res]) => [
      status,
      {
        description: res.description,
        ...(res.schema ? { content: { 'application/json': { schema: res.schema } } } : {}),
        ...(res.headers
          ? { headers: Object.fromEntries(Object.entries(res.headers).map(([name, description]) => [name, { description, schema: { type: 'string' as const } }])) }
          : {}),
      },
    ]),
  )
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, `Requires an API key with the scope \`${op.scope}\`.`].filter(Boolean).join('\n\n'),
    tags: [...op.tags],
    security: [{ [SECURITY_SCHEME]: [op.scope] }],
    'x-scopes': [op.scope],
    requestParams: {
      ...(op.params ? { path: op.params } : {}),
      ...(op.query ? { query: op.query } : {}),
      ...(op.idempotent ? { header: z.object({ 'Idempotency-Key': IDEMPOTENCY_KEY }) } : {}),
    },
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
    // An operation's own answer for a status (a 409 with its details) wins over the generic one.
    responses: { ...errorResponses(op), ...responses },
  }
}

const DOCUMENT_OPERATION: ZodOpenApiOperationObject = {
  operationId: 'getOpenApiDocument',
  summary: 'This document',
  description: 'Public, no key needed: the contract is not a secret, and tools fetch it before they hold a key.',
  tags: ['Reference'],
  security: [],
  responses: { '200': { description: 'The OpenAPI 3.1 document of /api/v1.', content: { 'application/json': { schema: { type: 'object' } } } } },
}

export function buildOpenApiDocument(operations: readonly V1Operation[]): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {}
  for (const op of operations) {
    const item = (paths[op.path] ??= {})
    const method = op.method.toLowerCase() as Lowercase<V1Operation['method']>
    if (item[method]) throw new Error(`two operations for ${op.method} ${op.path}`)
    item[method] = describeOperation(op)
  }
  paths[OPENAPI_DOCUMENT_PATH] = { get: DOCUMENT_OPERATION }
  // Readers see the tags in the registry's order, this document's own last.
  const tags = [...new Set([...operations.flatMap((op) => op.tags), ...DOCUMENT_OPERATION.tags!])].map((name) => ({ name }))
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Back Market integration API',
      version: API_VERSION,
      description:
        'The warehouse events API (for the fulfilment company\'s warehouse system) and the merchant API (a merchant\'s own tools). ' +
        'Every call sends an API key as `Authorization: Bearer <key>`; keys are created in the dashboard (Settings → API keys).',
    },
    servers: [{ url: API_BASE_PATH }],
    tags,
    security: [{ [SECURITY_SCHEME]: [] }],
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description: 'A warehouse key (`bmk_wh_…`, scope `warehouse:write`) or a merchant key (`bmk_live_…`, scopes `sync:read`, `sync:write`; `sync:write` includes `sync:read`, so a key that starts a re-sync can follow it).',
        },
      },
    },
    paths,
    // What we POST to the merchant's endpoints (lib/webhooks).
    webhooks: webhookOperations(),
  })
}

let built: oas31.OpenAPIObject | undefined

/** The document of every registered operation. */
export function openApiDocument(): oas31.OpenAPIObject {
  return (built ??= buildOpenApiDocument(V1_OPERATIONS))
}
