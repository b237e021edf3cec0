import { expect, test } from 'vitest'
import { ACCEPTANCE_WINDOW_HOURS, compareByUrgency, orderDeadlines, type DeadlineInput } from './deadlines'

const H = 3_600_000
const placedAt = new Date('2026-03-22T19:14:18Z')
const at = (hoursAfterPlacement: number) => new Date(placedAt.getTime() + hoursAfterPlacement * H)

function input(overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  return { placedAt, paidAt: null, expectedDispatchAt: null, shippingDelaysHours: [], awaitingAcceptance: true, ...overrides }
}

test("Back Market's expected dispatch date is the shipping cut-off when the order has one", () => {
  const d = orderDeadlines(input({ expectedDispatchAt: at(30), shippingDelaysHours: [72] }), at(1))
  expect(d.shipping).toEqual({ kind: 'shipping', at: at(30), source: 'expected_dispatch_date' })
})

test('without it, the order date plus the strictest line shipping_delay', () => {
  const d = orderDeadlines(input({ shippingDelaysHours: [72, 24, 0, Number.NaN] }), at(1))
  expect(d.shipping).toEqual({ kind: 'shipping', at: at(24), source: 'shipping_delay', hours: 24 })
  expect(orderDeadlines(input({ shippingDelaysHours: [] }), at(1)).shipping).toBeNull()
  expect(orderDeadlines(input({ placedAt: null, shippingDelaysHours: [48] }), at(1)).shipping).toBeNull()
})

test('the acceptance cut-off is an assumption counted from payment, else from placement', () => {
  const paidAt = at(0.05)
  expect(orderDeadlines(input({ paidAt }), at(1)).acceptance).toEqual({
    kind: 'acceptance',
    at: new Date(paidAt.getTime() + ACCEPTANCE_WINDOW_HOURS * H),
    source: 'assumed',
    hours: ACCEPTANCE_WINDOW_HOURS,
    from: 'date_payment',
  })
  expect(orderDeadlines(input(), at(1)).acceptance).toMatchObject({ at: at(ACCEPTANCE_WINDOW_HOURS), from: 'date_creation' })
  expect(orderDeadlines(input({ placedAt: null }), at(1)).acceptance).toBeNull()
})

test('the earliest pending cut-off applies; acceptance only while a line awaits it', () => {
  const late = input({ expectedDispatchAt: at(ACCEPTANCE_WINDOW_HOURS + 24) })
  expect(orderDeadlines(late, at(1)).applies).toMatchObject({ kind: 'acceptance' })
  const early = input({ expectedDispatchAt: at(24) })
  expect(orderDeadlines(early, at(1)).applies).toMatchObject({ kind: 'shipping', source: 'expected_dispatch_date' })
  const accepted = { ...late, awaitingAcceptance: false }
  expect(orderDeadlines(accepted, at(1)).applies).toMatchObject({ kind: 'shipping' })
})

test('time left, negative when overdue, and the urgency it makes', () => {
  const cutoffIn = (hoursLeft: number) => orderDeadlines(input({ expectedDispatchAt: at(10), awaitingAcceptance: false }), at(10 - hoursLeft))
  expect(cutoffIn(5)).toMatchObject({ msLeft: 5 * H, urgency: 'due_soon', urgencyRank: 1 })
  expect(cutoffIn(-2)).toMatchObject({ msLeft: -2 * H, urgency: 'overdue', urgencyRank: 0 })
  expect(cutoffIn(30)).toMatchObject({ urgency: 'upcoming', urgencyRank: 2 })
  expect(orderDeadlines(input({ placedAt: null }), at(0))).toMatchObject({ applies: null, msLeft: null, urgency: 'unknown', urgencyRank: 3 })
})

test('sorting by urgency: soonest (overdue first) to latest, unknown last', () => {
  const now = at(10)
  const due = (h: number | null) => orderDeadlines(input({ placedAt: h === null ? null : placedAt, expectedDispatchAt: h === null ? null : at(h), awaitingAcceptance: false }), now)
  const sorted = [due(40), due(null), due(8), due(12)].sort(compareByUrgency)
  expect(sorted.map((d) => d.msLeft)).toEqual([-2 * H, 2 * H, 30 * H, null])
})
