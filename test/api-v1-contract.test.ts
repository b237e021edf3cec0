import { expect, test } from 'vitest'
import { buildOpenApiDocument } from '@/lib/api-v1/openapi'
import { contractViolations, matchDocumentedPath, type V1Answer } from '@/test/api-v1-contract'
import { FIXTURE_OPERATIONS } from '@/test/api-v1-fixture'

const doc = buildOpenApiDocument(FIXTURE_OPERATIONS)
const widget = { reference: '42', count: 3, updatedAt: '2026-12-06T09:30:00Z' }
const answer = (over: Partial<V1Answer>): V1Answer => ({
  method: 'GET',
  url: 'http://localhost:3000/api/v1/widgets/42?expand=lines',
  status: 200,
  headers: new Headers({ 'content-type': 'application/json' }),
  body: widget,
  ...over,
})

test('a literal path wins over a template that would also match it', () => {
  expect(matchDocumentedPath(doc, '/api/v1/widgets/count')).toBe('/widgets/count')
  expect(matchDocumentedPath(doc, '/api/v1/widgets/42')).toBe('/widgets/{reference}')
  expect(matchDocumentedPath(doc, '/api/v1/widgets/42/lines')).toBeNull()
  expect(matchDocumentedPath(doc, '/api/widgets/42')).toBeNull()
})

test('an answer the document describes keeps the contract', () => {
  expect(contractViolations(answer({}), doc)).toEqual([])
  const rateLimited = { error: { code: 'rate_limited', message: 'Too many requests; try again shortly.' } }
  expect(contractViolations(answer({ status: 429, body: rateLimited, headers: new Headers({ 'retry-after': '12' }) }), doc)).toEqual([])
})

test('an undocumented operation or status breaks the contract', () => {
  expect(contractViolations(answer({ method: 'DELETE' }), doc)).toEqual([expect.stringContaining('no such operation')])
  const conflict = { error: { code: 'conflict', message: 'x' } }
  expect(contractViolations(answer({ status: 409, body: conflict }), doc)).toEqual([expect.stringContaining('status 409 is not documented')])
})

test('a body that does not match its status\'s schema breaks the contract, naming what is wrong', () => {
  expect(contractViolations(answer({ body: { ...widget, count: -1 } }), doc)).toEqual([expect.stringContaining('/count must be >= 0')])
  expect(contractViolations(answer({ body: { ...widget, updatedAt: 'yesterday' } }), doc)).toEqual([expect.stringContaining('/updatedAt must match format "date-time"')])
  // An error code that another status carries: a 404 answered with `unauthorized`.
  const wrongCode = { error: { code: 'unauthorized', message: 'Please sign in.' } }
  expect(contractViolations(answer({ status: 404, body: wrongCode }), doc)).toEqual([expect.stringContaining('/error/code must be equal to one of the allowed values')])
})

test('a required header missing breaks the contract', () => {
  const rateLimited = { error: { code: 'rate_limited', message: 'Too many requests; try again shortly.' } }
  expect(contractViolations(answer({ status: 429, body: rateLimited }), doc)).toEqual([expect.stringContaining('header Retry-After is missing')])
})
