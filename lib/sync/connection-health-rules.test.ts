import { expect, test } from 'vitest'
import { actionOf, bannerWindowStart, chooseState, errorMessage, failedFlowsKey, flowOf, lifecycleOf } from './connection-health-rules'

test('accepting and shipping are parcel updates; stock is a stock update', () => {
  expect(flowOf('ACCEPT')).toBe('parcel_update')
  expect(flowOf('SHIP')).toBe('parcel_update')
  expect(flowOf('CANCEL')).toBe('parcel_update')
  expect(flowOf('STOCK')).toBe('stock_update')
  expect([actionOf('ACCEPT'), actionOf('SHIP'), actionOf('CANCEL'), actionOf('STOCK')]).toEqual(['accept', 'ship', 'cancel', 'stock'])
})

test("an error's lifecycle is its issue's status, and none without an issue", () => {
  expect(lifecycleOf('OPEN')).toBe('open')
  expect(lifecycleOf('RETRYING')).toBe('retrying')
  expect(lifecycleOf('RESOLVED')).toBe('resolved')
  expect(lifecycleOf('DISMISSED')).toBe('dismissed')
  expect(lifecycleOf(null)).toBeNull()
})

test('an active issue means issues; failures with nothing active mean recovered; else ok', () => {
  expect(chooseState({ failedInWindow: true, activeIssues: 1 })).toBe('issues')
  expect(chooseState({ failedInWindow: false, activeIssues: 2 })).toBe('issues')
  expect(chooseState({ failedInWindow: true, activeIssues: 0 })).toBe('recovered')
  expect(chooseState({ failedInWindow: false, activeIssues: 0 })).toBe('ok')
})

test('the window is the 7 days before now', () => {
  expect(bannerWindowStart(new Date('2026-12-08T10:00:00.000Z')).toISOString()).toBe('2026-12-01T10:00:00.000Z')
})

test("the attempt's message is shown as written; a missing one says what is known", () => {
  expect(errorMessage('Order status error.', 400)).toBe('Order status error.')
  expect(errorMessage(null, 404)).toBe('Back Market refused the update (HTTP 404).')
  expect(errorMessage('  ', null)).toBe('Back Market could not be reached.')
})

test('the banner names the flows that failed this week, or none when only older issues are still open', () => {
  expect(failedFlowsKey({ parcelUpdate: true, stockUpdate: true })).toBe('both')
  expect(failedFlowsKey({ parcelUpdate: true, stockUpdate: false })).toBe('parcel_update')
  expect(failedFlowsKey({ parcelUpdate: false, stockUpdate: true })).toBe('stock_update')
  expect(failedFlowsKey({ parcelUpdate: false, stockUpdate: false })).toBeNull()
})
