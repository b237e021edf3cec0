// The fuzz test's vocabulary: the values that broke us or break servers like ours (NUL and other
// control characters, LIKE wildcards and the escape character, numbers past int4 and past 2^53,
// lone surrogates, very long text), the real ids of the fuzzing merchant's rows (so requests also
// reach rows, not only validation), and random JSON of every type, arrays where objects go.
import type { Rng } from './prng'

/** The rows the fuzzing merchant owns: requests name them as often as garbage. */
export type FuzzWorld = { merchantId: string; references: string[]; ids: string[]; skus: string[] }

const CONTROL = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u009b']

const TRICKY = [
  ...['', ' ', '   ', 'a', 'abc', 'Say why', '%', '%%', '_', '__', '\\', 'a\\', '\\%', '%_\\', '*', '[a-z]', '^$'],
  ...["'", '"', "'; DROP TABLE \"Order\"; --", '../', '..%2f', '/', '?', '#', '&', '=', '+', '%00', '%zz', '%C0%AF'],
  ...['null', 'undefined', 'true', '0', '-1', '1.5', '1e308', 'NaN', 'Infinity', '2147483648', '9007199254740993'],
  ...['00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '00000000-0000-4000-8000-00000000000g'],
  ...['\u202e', '\u2028', '\ufeff', '😀', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'é', 'Ǆ', 'ß', 'İ', '\ud800', '\udfff', 'A\u0301', '　'],
  ...['<script>alert(1)</script>', '${x}', '{{x}}', '__proto__', 'constructor', 'SKU-1', 'sku_1', '  SKU  ', 'FR', 'fr', 'GB'],
  ...['CREATED', 'VALIDATED', 'urgency', 'newest', 'a@b.co', '+33612345678', '75002', 'Paris', '12 rue de la Paix'],
]

export const NUMBERS = [
  ...[0, -0, 1, -1, 2, 1.5, 25, 100, 101, 500, 501, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1],
  ...[2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308, 5e-324, 999_999_999_999],
]

const LONG_UNITS = ['a', '%', '\\', '_', 'é', '😀', '\u0000', '1', ' ']

export function randomUuid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
}

function randomUnicode(rng: Rng, length: number): string {
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0x00, 0x1f],
    [0xa0, 0x17f],
    [0x400, 0x4ff],
    [0x4e00, 0x4fff],
    [0x1f600, 0x1f64f],
    [0xd800, 0xdfff],
  ]
  return Array.from({ length }, () => {
    const [lo, hi] = rng.pick(ranges)
    return String.fromCodePoint(rng.int(lo, hi))
  }).join('')
}

export function randomString(rng: Rng, world: FuzzWorld): string {
  switch (rng.int(0, 9)) {
    case 0:
    case 1:
      return rng.pick(TRICKY)
    case 2:
      return `${rng.pick(TRICKY)}${rng.pick(CONTROL)}${rng.pick(TRICKY)}`
    case 3:
      return rng.pick(LONG_UNITS).repeat(rng.chance(0.1) ? rng.int(60_000, 80_000) : rng.int(30, 1_200))
    case 4:
      return randomUnicode(rng, rng.int(1, 40))
    case 5:
      return rng.pick([...world.references, ...world.ids, ...world.skus])
    case 6:
      return Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 9)).join('')
    case 7:
      return randomUuid(rng)
    case 8:
      return `${rng.pick(world.skus)}${rng.pick(['%', '_', '\\', '', ' '])}`.toLowerCase()
    default:
      return `${randomString(rng, world)}${randomString(rng, world)}`.slice(0, 2_000)
  }
}

export function randomNumber(rng: Rng): number {
  return rng.chance(0.7) ? rng.pick(NUMBERS) : (rng.next() - 0.5) * 10 ** rng.int(0, 12)
}

export const FIELD_NAMES = [
  ...['reason', 'issueIds', 'references', 'ourSku', 'bmSku', 'confirm', 'version', 'address', 'email', 'password'],
  ...['ids', 'id', 'reference', 'company', 'firstName', 'lastName', 'street', 'street2', 'postalCode', 'city'],
  ...['country', 'phone', 'events', 'type', 'merchantId', 'occurredAt', 'data', 'sku', 'quantity', 'delta'],
  ...['__proto__', 'constructor', 'toString', ''],
]

/** Any JSON value, objects keyed mostly by our real field names. */
export function randomJson(rng: Rng, world: FuzzWorld, depth = 0): unknown {
  const roll = rng.int(0, depth > 3 ? 3 : 6)
  if (roll === 0) return randomString(rng, world)
  if (roll === 1) return randomNumber(rng)
  if (roll === 2) return rng.pick([true, false, null])
  if (roll === 3) return rng.chance(0.5) ? randomString(rng, world) : randomNumber(rng)
  if (roll === 4) {
    const length = rng.chance(0.05) ? rng.int(490, 620) : rng.int(0, 5)
    return Array.from({ length }, () => (length > 50 ? randomString(rng, world) : randomJson(rng, world, depth + 1)))
  }
  const entries = Array.from({ length: rng.int(0, 5) }, () => [rng.chance(0.8) ? rng.pick(FIELD_NAMES) : randomString(rng, world).slice(0, 50), randomJson(rng, world, depth + 1)])
  return Object.fromEntries(entries)
}

/** Bodies no JSON parser should take, or that a careless one might. */
export const MALFORMED_JSON = [
  '',
  ' ',
  '{',
  '{"reason":',
  '[1,2',
  'nul',
  'undefined',
  "{'reason':'single quotes'}",
  '{"reason":"x",}',
  '\ufeff{"reason":"with a BOM"}',
  '{"reason":"\\ud800"}',
  '{"reason":"a\\u0000b"}',
  '{"issueIds":["\\u0000"],"reason":"why not"}',
  '{"version":1e400}',
  '{"version":-0}',
  '{"__proto__":{"admin":true}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"a":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_001)}`,
]
