import { expect, test } from 'vitest'
import { AppError } from '@/lib/errors'
import { announcesBody, isJsonContentType, MAX_JSON_BODY_BYTES, readCappedText } from './json-body'

test.each([
  ['application/json', true],
  ['application/json; charset=utf-8', true],
  ['Application/JSON;Charset=UTF-8', true],
  ['application/json; charset="utf-8"', true],
  ['application/json; charset=iso-8859-1', false],
  ['text/plain', false],
  ['text/plain;charset=UTF-8', false],
  ['application/x-www-form-urlencoded', false],
  ['multipart/form-data; boundary=x', false],
  ['application/jsonx', false],
  ['application/ld+json', false],
  ['', false],
  [null, false],
])('%j is JSON: %s', (value, json) => {
  expect(isJsonContentType(value)).toBe(json)
})

test.each([
  [{}, false],
  [{ 'content-length': '0' }, false],
  [{ 'content-length': '12' }, true],
  [{ 'transfer-encoding': 'chunked' }, true],
  [{ 'content-type': 'text/plain' }, true],
])('headers %j announce a body: %s', (headers, announced) => {
  expect(announcesBody(new Headers(headers))).toBe(announced)
})

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://localhost/x', { method: 'POST', body, headers })

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err: unknown = await p.catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}

test('a body up to the cap is read as UTF-8 text', async () => {
  expect(await readCappedText(post('{"reason":"café"}'))).toBe('{"reason":"café"}')
  expect(await readCappedText(post('x'.repeat(MAX_JSON_BODY_BYTES)))).toHaveLength(MAX_JSON_BODY_BYTES)
})

test('one byte over the cap is a 413 naming the body, whether announced or found while reading', async () => {
  for (const req of [post('x'.repeat(MAX_JSON_BODY_BYTES + 1)), post('{}', { 'content-length': String(10 * MAX_JSON_BODY_BYTES) })]) {
    const err = await refusal(readCappedText(req))
    expect(err.status).toBe(413)
    expect(err.fields).toEqual({ body: [`at most ${MAX_JSON_BODY_BYTES} bytes`] })
  }
})

test('bytes that are not UTF-8 are a 400 naming the body', async () => {
  const err = await refusal(readCappedText(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))))
  expect(err.status).toBe(400)
  expect(Object.keys(err.fields ?? {})).toEqual(['body'])
})
