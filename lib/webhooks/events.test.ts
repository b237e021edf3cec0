// The data contract of each event: what the emitters write parses with its schema, and a payload
// missing a field does not.
import { expect, test } from 'vitest'
import { WEBHOOK_DATA_SCHEMAS, WEBHOOK_EVENT_TYPES } from './events'
import { SAMPLE_WEBHOOK_DATA } from './testing/webhook-factories'

test.each(WEBHOOK_EVENT_TYPES)('%s: the sample the emitters write parses', (type) => {
  expect(WEBHOOK_DATA_SCHEMAS[type].safeParse(SAMPLE_WEBHOOK_DATA[type]).success).toBe(true)
})

test('a payload missing its order is refused', () => {
  expect(WEBHOOK_DATA_SCHEMAS['address_error.fixed'].safeParse({}).success).toBe(false)
})
