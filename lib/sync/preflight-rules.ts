// Whether retrying a sync can help, decided from facts read live from Back Market and from our
// order — so the dashboard offers a retry only when one can work, and says what to fix when not.
import type { BmOrder } from '@/lib/backmarket/schemas'
import { bmOrderlineStateLabel } from '@/lib/orders/order-states'

export type PreflightCheck = { name: 'reachable' | 'token' | 'order_found' | 'sku_match' | 'transition' | 'address' | 'listing'; ok: boolean; detail: string }
export type PreflightVerdict = { canRetryHelp: boolean; alreadyApplied: boolean; checks: PreflightCheck[]; checkedAt: string }

export type OrderFacts = {
  operation: 'ACCEPT' | 'SHIP'
  /** What reading the order from Back Market gave: the order, or why it failed. */
  bm: { order: BmOrder } | { error: 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable' }
  lines: { sku: string; bmOrderlineId: string }[]
  addressErrorCount: number
}

export type StockFacts = { sku: string; bm: { found: true; quantity: number } | { error: 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable' } }

const stateName = (s: number) => `(${bmOrderlineStateLabel(s)})`

function access(error: 'not_found' | 'unauthorized' | 'forbidden' | 'unreachable' | null): PreflightCheck[] {
  if (error === 'unreachable') return [{ name: 'reachable', ok: false, detail: 'Back Market did not answer; a retry later can help.' }]
  const checks: PreflightCheck[] = [{ name: 'reachable', ok: true, detail: 'Back Market answered.' }]
  if (error === 'unauthorized' || error === 'forbidden') {
    checks.push({ name: 'token', ok: false, detail: 'Back Market refused the API token: update it before retrying.' })
  } else checks.push({ name: 'token', ok: true, detail: 'The API token is accepted.' })
  return checks
}

function verdict(checks: PreflightCheck[], alreadyApplied: boolean, now: Date): PreflightVerdict {
  const unreachable = checks.some((c) => c.name === 'reachable' && !c.ok)
  return { canRetryHelp: unreachable || checks.every((c) => c.ok), alreadyApplied, checks, checkedAt: now.toISOString() }
}

export function evaluateOrderPreflight(f: OrderFacts, now = new Date()): PreflightVerdict {
  const error = 'error' in f.bm ? f.bm.error : null
  const checks = access(error)
  if (error === 'unreachable' || error === 'unauthorized' || error === 'forbidden') return verdict(checks, false, now)
  if (!('order' in f.bm)) {
    checks.push({ name: 'order_found', ok: false, detail: 'Back Market does not know this order_id for your account.' })
    return verdict(checks, false, now)
  }
  const bm = f.bm.order
  checks.push({ name: 'order_found', ok: true, detail: 'Back Market has the order.' })

  const listings = bm.orderlines.map((l) => l.listing)
  const missing = f.lines.filter((l) => !listings.includes(l.sku)).map((l) => l.sku)
  checks.push(
    missing.length
      ? { name: 'sku_match', ok: false, detail: `Our SKU ${missing.join(', ')} is not on Back Market's order (it has ${listings.join(', ')}). Map the SKU, or update the order on Back Market.` }
      : { name: 'sku_match', ok: true, detail: 'Every SKU matches a Back Market order line.' },
  )

  const bmLines = f.lines.map((l) => bm.orderlines.find((b) => String(b.id) === l.bmOrderlineId)).filter((b) => b !== undefined)
  const states = bmLines.map((b) => b.state)
  const accepted = (s: number) => s === 2 || s === 3 || s === 6
  const alreadyApplied = states.length > 0 && (f.operation === 'ACCEPT' ? states.every(accepted) : states.every((s) => s === 3 || s === 6))
  const blocked = bmLines.filter((b) => (f.operation === 'ACCEPT' ? !(b.state === 1 || accepted(b.state)) : !(b.state === 2 || b.state === 3 || b.state === 6)))
  checks.push(
    blocked.length
      ? {
          name: 'transition',
          ok: false,
          detail: `Back Market has ${blocked.map((b) => `${b.listing} ${stateName(b.state)}`).join(', ')}: it cannot be ${f.operation === 'ACCEPT' ? 'accepted' : 'shipped'} from there. Update the order on Back Market (To accept → Waiting for fulfillment → Fulfilled), then check again.`,
        }
      : { name: 'transition', ok: true, detail: alreadyApplied ? 'Back Market already has this change.' : 'Back Market’s state allows this change.' },
  )
  if (f.operation === 'ACCEPT') {
    checks.push(
      f.addressErrorCount
        ? { name: 'address', ok: false, detail: `The shipping address has ${f.addressErrorCount} error(s): fix it in the Errors tab.` }
        : { name: 'address', ok: true, detail: 'The shipping address passes the carrier checks.' },
    )
  }
  return verdict(checks, alreadyApplied, now)
}

export function evaluateStockPreflight(f: StockFacts, now = new Date()): PreflightVerdict {
  const error = 'error' in f.bm ? f.bm.error : null
  const checks = access(error === 'not_found' ? null : error)
  if (error === 'not_found') checks.push({ name: 'listing', ok: false, detail: `No Back Market listing has the SKU ${f.sku}. Map the SKU, or create the listing on Back Market.` })
  else if (!error) checks.push({ name: 'listing', ok: true, detail: `Back Market has a listing for ${f.sku}.` })
  return verdict(checks, false, now)
}
