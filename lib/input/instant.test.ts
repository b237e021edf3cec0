import { expect, test } from 'vitest'
import { instant, INSTANT_MESSAGE } from '@/lib/input/instant'

const Instant = instant()

test.each(['2026-12-06T09:30:00Z', '2026-12-06T10:30:00.123+01:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z'])('%s is an instant', (value) => {
  expect(Instant.parse(value)).toBe(value)
})

test.each([
  ['year 0000', '0000-01-01T00:00:00Z'],
  ['year 1 pushed into year 0 by its offset', '0001-01-01T00:30:00+01:00'],
  ['year 9999 pushed into year 10000 by its offset', '9999-12-31T23:30:00-01:00'],
  ['no offset', '2026-12-06T09:30:00'],
  ['a date alone', '2026-12-06'],
  ['not a date', 'yesterday'],
])('%s is refused with the message given', (_, value) => {
  expect(Instant.safeParse(value).error?.issues.map((i) => i.message)).toEqual([INSTANT_MESSAGE])
  expect(instant({ error: 'occurredAt is wrong' }).safeParse(value).error?.issues[0]?.message).toBe('occurredAt is wrong')
})
