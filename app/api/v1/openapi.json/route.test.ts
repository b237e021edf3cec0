import { expect, test } from 'vitest'
import { openApiDocument } from '@/lib/api-v1/openapi'
import { GET } from './route'

const request = (headers: Record<string, string> = {}) => new Request('http://localhost:3000/api/v1/openapi.json', { headers })

test('the document is served without a key, as JSON, cacheable and revalidated by ETag', async () => {
  const res = GET(request())
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(res.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate')
  expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())))

  const etag = res.headers.get('etag')!
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
  const again = GET(request({ 'if-none-match': `W/${etag}, "other"` }))
  expect(again.status).toBe(304)
  expect(await again.text()).toBe('')
  expect(GET(request({ 'if-none-match': '"stale"' })).status).toBe(200)
})
