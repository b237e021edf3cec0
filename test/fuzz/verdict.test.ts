// The fuzz test's rule must be able to fail: each kind of bad answer is caught, each legitimate one let through.
import { expect, test } from 'vitest'
import type { ApiRoute } from '@/test/api-routes'
import type { FuzzRequest } from './requests'
import { judge, type FuzzAnswer } from './verdict'

const route = (name: string): ApiRoute => {
  const [method, path] = name.split(' ') as [ApiRoute['method'], string]
  return { name, method, route: path, params: [], file: '' }
}
const request = (over: Partial<FuzzRequest> = {}): FuzzRequest => ({
  index: 0,
  route: route('POST /api/syncs'),
  params: {},
  url: '/api/syncs',
  headers: {},
  crossSite: false,
  declaredHuge: false,
  nonJsonBody: false,
  mangledCookie: false,
  namesRealRow: false,
  ...over,
})
const answer = (status: number, error?: object, headers: Record<string, string> = {}): FuzzAnswer => ({
  status,
  headers: new Headers(headers),
  text: error ? JSON.stringify({ error }) : '{}',
})

test.each([
  ['a 500', request(), answer(500, { code: 'internal', message: 'x' })],
  ['a 502 for input naming no real row', request(), answer(502, { code: 'bad_gateway', message: 'x' })],
  ['a 400 naming no field', request(), answer(400, { code: 'bad_request', message: 'Invalid' })],
  ['a 400 with an empty field list', request(), answer(400, { code: 'bad_request', message: 'Invalid', fields: { body: [] } })],
  ['a 4xx that is not our JSON', request(), { status: 404, headers: new Headers(), text: 'Not Found' }],
  ['a code answered with another status', request(), answer(400, { code: 'not_found', message: 'x' })],
  ['a cross-site mutation let through', request({ crossSite: true }), answer(202)],
  ['a non-JSON body let through', request({ nonJsonBody: true }), answer(202)],
  ['a 401 with a good cookie', request(), answer(401, { code: 'unauthorized', message: 'Please sign in.' })],
  ['a 429 without Retry-After', request(), answer(429, { code: 'rate_limited', message: 'Later' })],
  ['a 401 to /api/v1 with a good key', request({ route: route('GET /api/v1/orders') }), answer(401, { code: 'unauthorized', message: 'A valid API key is required' })],
  ['a dashboard mutation with a mangled cookie answered 401 before its non-JSON body', request({ mangledCookie: true, nonJsonBody: true }), answer(401, { code: 'unauthorized', message: 'Please sign in.' })],
])('caught: %s', (_name, req, res) => {
  expect(judge(req, res)).not.toBeNull()
})

test.each([
  ['a 2xx', request(), answer(202)],
  ['a 400 naming its field', request(), answer(400, { code: 'bad_request', message: 'Invalid body: reason', fields: { reason: ['Say why'] } })],
  ['a 404', request(), answer(404, { code: 'not_found', message: 'Issue not found' })],
  ['a 403 cross_site for a cross-site mutation', request({ crossSite: true }), answer(403, { code: 'cross_site', message: 'x', fields: { origin: ['y'] } })],
  ['a 502 for a real row', request({ namesRealRow: true }), answer(502, { code: 'bad_gateway', message: 'Back Market did not answer' })],
  ['a 429 with Retry-After', request(), answer(429, { code: 'rate_limited', message: 'Later' }, { 'retry-after': '3' })],
  ['a 401 from the sign-in route', request({ route: route('POST /api/auth/login') }), answer(401, { code: 'unauthorized', message: 'Wrong' })],
  [
    'a 401 to /api/v1 with a mangled key, whatever its body (the key is checked first)',
    request({ route: route('POST /api/v1/warehouse/events'), mangledCookie: true, nonJsonBody: true }),
    answer(401, { code: 'unauthorized', message: 'A valid API key is required', fields: { authorization: ['missing'] } }),
  ],
])('let through: %s', (_name, req, res) => {
  expect(judge(req, res)).toBeNull()
})
