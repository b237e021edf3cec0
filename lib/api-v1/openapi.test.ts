import { compileErrors, validate } from '@readme/openapi-parser'
import { expect, test } from 'vitest'
import { buildOpenApiDocument, openApiDocument } from '@/lib/api-v1/openapi'
import { FIXTURE_OPERATIONS } from '@/test/api-v1-fixture'

async function expectValidOpenApi31(doc: object) {
  // validate() dereferences in place: give it a copy.
  const result = await validate(structuredClone(doc) as never)
  expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true)
  expect(result.warnings).toEqual([])
}

test('the published document of every registered operation is valid OpenAPI 3.1', async () => {
  const doc = openApiDocument()
  expect(doc.openapi).toBe('3.1.0')
  expect(doc.servers).toEqual([{ url: '/api/v1' }])
  await expectValidOpenApi31(doc)
})

test('an operation is documented with its scope, its inputs and every error the route wrapper can answer', async () => {
  const doc = buildOpenApiDocument(FIXTURE_OPERATIONS)
  await expectValidOpenApi31(doc)

  expect(doc.tags).toEqual([{ name: 'Fixture' }, { name: 'Reference' }])
  const get = doc.paths!['/widgets/{reference}']!.get!
  expect(get.security).toEqual([{ apiKey: ['sync:read'] }])
  expect(get['x-scopes']).toEqual(['sync:read'])
  expect(get.description).toContain('`sync:read`')
  expect(get.parameters).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ in: 'path', name: 'reference', required: true }),
      expect.objectContaining({ in: 'query', name: 'expand' }),
    ]),
  )
  // Reads: no body, no idempotency → no 409/413/415/422; a path parameter → 404.
  expect(Object.keys(get.responses!).sort()).toEqual(['200', '400', '401', '403', '404', '429', '500'])
  expect(get.responses!['429']).toMatchObject({ headers: { 'Retry-After': { required: true } } })

  const post = doc.paths!['/widgets/count']!.post!
  expect(post.parameters).toEqual([expect.objectContaining({ in: 'header', name: 'Idempotency-Key' })])
  expect(post.parameters![0]).not.toHaveProperty('required', true)
  expect(post.requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: expect.any(Object) } } })
  expect(Object.keys(post.responses!).sort()).toEqual(['202', '400', '401', '403', '409', '413', '415', '422', '429', '500'])
  expect(post.responses!['202']).toMatchObject({ headers: { Location: { description: 'Where to follow it' } } })
})

test('each error status documents exactly the codes the error model answers with it', () => {
  const doc = buildOpenApiDocument(FIXTURE_OPERATIONS)
  const schemas = doc.components!.schemas! as Record<string, { properties: { error: { properties: { code: { enum: string[] } } } } }>
  const codes = (status: number) => schemas[`Error${status}`]!.properties.error.properties.code.enum
  expect(codes(401)).toEqual(['unauthorized'])
  expect(codes(403)).toEqual(['forbidden', 'cross_site'])
  expect(codes(429)).toEqual(['rate_limited'])
})

test('two operations on one method and path are refused', () => {
  expect(() => buildOpenApiDocument([...FIXTURE_OPERATIONS, FIXTURE_OPERATIONS[0]!])).toThrow('two operations for GET /widgets/{reference}')
})
