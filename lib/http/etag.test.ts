import { expect, test } from 'vitest'
import { conditionalJson, etagMatches, weakEtag } from './etag'

test('the ETag is weak and follows the JSON text: the same body, the same tag; any change, another', () => {
  const tag = weakEtag('{"a":1}')
  expect(tag).toMatch(/^W\/"[\w-]{32}"$/)
  expect(weakEtag('{"a":1}')).toBe(tag)
  expect(weakEtag('{"a":2}')).not.toBe(tag)
})

test('If-None-Match matches by weak comparison, in a list, or as *; absent or other tags do not', () => {
  const tag = weakEtag('x')
  expect(etagMatches(tag, tag)).toBe(true)
  expect(etagMatches(tag.slice(2), tag)).toBe(true)
  expect(etagMatches(`W/"a", ${tag} , "b"`, tag)).toBe(true)
  expect(etagMatches('*', tag)).toBe(true)
  expect(etagMatches(null, tag)).toBe(false)
  expect(etagMatches('', tag)).toBe(false)
  expect(etagMatches('W/"other"', tag)).toBe(false)
})

test('a request holding the answer gets 304 without its text; the validators come either way', () => {
  const body = { state: 'ok', errors: [] }
  const first = conditionalJson(new Request('http://x/'), body)
  expect(first).toMatchObject({ status: 200, text: JSON.stringify(body), headers: { 'cache-control': 'private, no-cache' } })
  const again = conditionalJson(new Request('http://x/', { headers: { 'if-none-match': first.headers.etag! } }), body)
  expect(again).toEqual({ status: 304, text: null, headers: first.headers })
})
