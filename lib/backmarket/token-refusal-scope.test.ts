// Which refusals say the token itself is refused (they raise the banner) and which stay one task's.
import { expect, test } from 'vitest'
import { refusesTokenEverywhere } from './check-connection'
import { BackMarketError } from './errors'

const refusal = (kind: 'unauthorized' | 'forbidden', method: string, init: { html?: boolean; bmCode?: string } = {}) =>
  new BackMarketError(kind, kind, { status: kind === 'unauthorized' ? 401 : 403, method, path: '/ws/orders/1', ...init })

test('a 401 refuses the token on any call', () => {
  expect(refusesTokenEverywhere(refusal('unauthorized', 'GET'))).toBe(true)
  expect(refusesTokenEverywhere(refusal('unauthorized', 'POST'))).toBe(true)
})

test('a non-firewall 403 refuses the token on a read only: on a write it stays the task’s issue', () => {
  expect(refusesTokenEverywhere(refusal('forbidden', 'GET'))).toBe(true)
  expect(refusesTokenEverywhere(refusal('forbidden', 'POST'))).toBe(false)
  expect(refusesTokenEverywhere(refusal('forbidden', 'GET', { html: true }))).toBe(false)
  expect(refusesTokenEverywhere(refusal('forbidden', 'GET', { bmCode: 'bot-need-challenge' }))).toBe(false)
  expect(refusesTokenEverywhere(new Error('boom'))).toBe(false)
})
