// One fuzz request, drawn from the seed: the route and method, its path segments, query string,
// headers (origin, content type, odd ones) and body, and what the request *is* (cross-site, a
// non-JSON body, a mangled cookie, naming a real row) so the verdict can say what it must get.
import { fillPath, type ApiRoute } from '@/test/api-routes'
import { TEST_ORIGIN } from '@/test/factories'
import { BODY_EXAMPLES, mutate, QUERY_EXAMPLES } from './corpus'
import type { Rng } from './prng'
import { MALFORMED_JSON, randomJson, randomString, randomUuid, type FuzzWorld } from './values'

export type FuzzRequest = {
  index: number
  route: ApiRoute
  params: Record<string, string>
  url: string
  headers: Record<string, string>
  body?: string | Uint8Array<ArrayBuffer>
  /** A dashboard mutation another site (or no browser) sent: the perimeter must answer 403. */
  crossSite: boolean
  /** A Content-Length above the body cap (the route's own for /api/v1) was announced. */
  declaredHuge: boolean
  /** A body announced with a media type that is not JSON. */
  nonJsonBody: boolean
  /** The credential is broken: a mangled session cookie, or for /api/v1 a mangled API key (401 expected). */
  mangledCookie: boolean
  /** A path segment or query value names one of the merchant's real rows. */
  namesRealRow: boolean
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

// [headers, whether a mutation with them is cross-site]
const ORIGINS: Array<[Record<string, string>, boolean]> = [
  [{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, true],
  [{ origin: 'null', 'sec-fetch-site': 'cross-site' }, true],
  [{ origin: 'http://localhost:3000.evil.example' }, true],
  [{ origin: 'http://localhost:3000', host: 'evil.example', 'x-forwarded-host': 'evil.example' }, true],
  [{ 'sec-fetch-site': 'same-site' }, true],
  [{ 'sec-fetch-site': 'none' }, true],
  [{}, true],
  [{ 'sec-fetch-site': 'same-origin' }, false],
  [{ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, false],
  [{ origin: 'http://LOCALHOST:3000', 'sec-fetch-site': 'same-origin' }, false],
]

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']
const OTHER_TYPES = [
  ...['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'],
  ...['application/json; charset=latin1', 'application/jsonp', 'application/ld+json', '*/*', 'json', ''],
]

const ODD_HEADERS: Array<Record<string, string>> = [
  { accept: 'text/html' },
  { accept: '*/*;q=garbage' },
  { 'x-forwarded-for': '1.2.3.4, not-an-ip, ::1' },
  { 'x-forwarded-proto': 'https' },
  { 'content-length': '0' },
  { 'content-length': 'abc' },
  { 'content-length': '-1' },
  { 'accept-language': 'fr-FR,fr;q=0.9,xx-YY;q=bad' },
  { 'user-agent': 'é'.repeat(300) },
  { 'idempotency-key': '' },
  { 'idempotency-key': 'é' },
  { 'idempotency-key': 'k'.repeat(300) },
  { 'idempotency-key': 'fuzz-same-key' },
]

/**
 * How a fuzz request authenticates: the dashboard's session cookie, and for each /api/v1 route
 * (by name) keys of its scope to pick from (several, so no key reaches its rate limit) and its body cap.
 */
export type FuzzCredentials = { cookie: string; v1: Map<string, { keys: string[]; maxBodyBytes: number }> }

const MANGLED_KEYS = ['Bearer ', 'Bearer bmk_live_', `Bearer bmk_wh_${'0'.repeat(32)}`, 'Bearer %00', `Bearer ${'A'.repeat(4000)}`, 'bmk_live_x', 'Basic Zm9vOmJhcg==']

export function drawRequest(rng: Rng, index: number, route: ApiRoute, world: FuzzWorld, credentials: FuzzCredentials): FuzzRequest {
  const mutation = MUTATING.has(route.method)
  const v1 = credentials.v1.get(route.name)
  const params = Object.fromEntries(route.params.map((p) => [p, drawSegment(rng, world, p)]))
  const query = drawQuery(rng, world, route)
  const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }
  if (mutation) headers.origin = TEST_ORIGIN
  let crossSite = false
  if (rng.chance(0.12)) {
    const [h, cross] = rng.pick(ORIGINS)
    delete headers.origin
    delete headers['sec-fetch-site']
    Object.assign(headers, h)
    // /api/v1 authenticates by key: the origin is no concern of its (ADR 0009).
    crossSite = mutation && cross && !v1
  }
  const mangledCookie = rng.chance(0.03)
  if (v1) {
    headers.authorization = mangledCookie ? rng.pick(MANGLED_KEYS) : `Bearer ${rng.pick(v1.keys)}`
    // A session cookie beside the key changes nothing.
    if (rng.chance(0.2)) headers.cookie = credentials.cookie
  } else {
    headers.cookie = mangledCookie ? rng.pick(['bm_session=', 'bm_session=%00', `bm_session=${'A'.repeat(4000)}`, 'a=b; bm_session']) : credentials.cookie
  }
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (mutation && rng.chance(0.92)) {
    body = drawBody(rng, world, route)
    const type = rng.chance(0.1) ? rng.pick(OTHER_TYPES) : rng.pick(JSON_TYPES)
    // Bytes with no Content-Type are sent with none at all; a string would get text/plain.
    if (!(body instanceof Uint8Array && type === '')) headers['content-type'] = type
    // Any HTTP client says how long its body is (Node's does); a Request built in-process does not.
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength)
  }
  if (rng.chance(0.1)) Object.assign(headers, rng.pick(ODD_HEADERS))
  if (rng.chance(0.01)) headers['content-length'] = String(10 ** rng.int(5, 10))
  const declaredHuge = mutation && Number(headers['content-length'] ?? 0) > (v1?.maxBodyBytes ?? 64 * 1024)
  // What the perimeter must refuse: a body its headers announce (a length, a type), not as JSON.
  const announced = headers['content-type'] !== undefined || (headers['content-length'] ?? '0').trim() !== '0'
  const nonJsonBody = mutation && announced && !JSON_TYPES.includes(headers['content-type'] ?? '')
  const realValues = new Set<string>([...world.references, ...world.ids])
  const namesRealRow = [...Object.values(params), ...new URL(query, TEST_ORIGIN).searchParams.values()].some((v) => realValues.has(v))
  const url = `${fillPath(route, params)}${query}`
  return { index, route, params, url, headers, body, crossSite, declaredHuge, nonJsonBody, mangledCookie, namesRealRow }
}

function drawSegment(rng: Rng, world: FuzzWorld, name: string): string {
  if (rng.chance(0.35)) return name === 'reference' ? rng.pick(world.references) : rng.pick(world.ids)
  if (rng.chance(0.2)) return name === 'reference' ? String(rng.int(0, 10 ** 9)) : randomUuid(rng)
  // Next decodes a segment from UTF-8 bytes: a lone surrogate arrives as U+FFFD, never as itself.
  return randomString(rng, world)
    .slice(0, rng.chance(0.9) ? 200 : 5_000)
    .replace(/\p{Cs}/gu, '\ufffd')
}

function drawQuery(rng: Rng, world: FuzzWorld, route: ApiRoute): string {
  const example = QUERY_EXAMPLES[route.name]
  const params = new URLSearchParams()
  if (example && rng.chance(0.6)) {
    const q = rng.chance(0.15) ? example(world, rng) : mutate(rng, world, example(world, rng), true)
    if (q && typeof q === 'object' && !Array.isArray(q)) for (const [k, v] of Object.entries(q)) params.append(k, typeof v === 'string' ? v : JSON.stringify(v))
  }
  const extra = rng.int(0, example ? 2 : 4)
  for (let i = 0; i < extra; i++) {
    const key = rng.pick(['q', 'status', 'page', 'pageSize', 'sort', 'issueId', 'reference', 'id', randomString(rng, world).slice(0, 30)])
    params.append(key, randomString(rng, world).slice(0, 3_000))
  }
  const text = params.toString()
  // Raw percent sequences URLSearchParams would have escaped: a lone %, an invalid one, NUL.
  const raw = rng.chance(0.1) ? `&${rng.pick(['q=%', 'q=%zz', 'page=%00', 'sort=%C0%AF', 'q=1%2', '%=%', '&&&', 'q'])}` : ''
  return text || raw ? `?${text}${raw}` : ''
}

function drawBody(rng: Rng, world: FuzzWorld, route: ApiRoute): string | Uint8Array<ArrayBuffer> {
  const example = BODY_EXAMPLES[route.name]
  const roll = rng.next()
  if (example && roll < 0.55) return JSON.stringify(rng.chance(0.1) ? example(world, rng) : mutate(rng, world, example(world, rng), false))
  if (roll < 0.75) return JSON.stringify(randomJson(rng, world))
  if (roll < 0.92) return rng.pick(MALFORMED_JSON)
  if (roll < 0.96) return new Uint8Array(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255)))
  return `{"reason":"${'x'.repeat(rng.int(60_000, 70_000))}"}`
}
