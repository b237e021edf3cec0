// `tsx --conditions=react-server scripts/warehouse-simulator.ts`: a simulated warehouse, so the
// running demo shows live syncs and live failures. It is a WMS like any other: every tick, for each
// merchant, it plans what the warehouse does (scripts/simulator/plan-tick.ts: validate a few CREATED
// orders, move a few along VALIDATED → PICKING → PACKED → IN_TRANSIT → DELIVERED, stock movements
// and counts, now and then a cancelled line) and POSTs those as warehouse events to the app's
// /api/v1/warehouse/events with a warehouse API key; the app's worker applies them. Only the staged
// Back Market failures (scripts/simulator/stage-failure.ts) are done in place. It reads the
// database to know the orders, as a real WMS knows its own.
// Env: DATABASE_URL, BACKMARKET_API_URL, TOKEN_ENCRYPTION_KEY as the worker, SIMULATOR_API_URL and
// SIMULATOR_API_KEY (set by `npm run dev`), other SIMULATOR_* in scripts/simulator/config.ts.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'
import { eventSubject, WarehouseEventSchema, type WarehouseEventInput } from '@/lib/warehouse-events/event-schema'
import { SandboxControl } from './lib/sandbox-control'
import { actionToEvent } from './simulator/action-event'
import { simulatorSettings } from './simulator/config'
import { loadSnapshot } from './simulator/load-snapshot'
import { planTick } from './simulator/plan-tick'
import { postEvents, type EventResult } from './simulator/post-events'
import { isStaged, stageFailure, type StagingContext } from './simulator/stage-failure'

type Merchant = { id: string; name: string; bmTokenEncrypted: string }

const settings = simulatorSettings(process.env)
const stop = new AbortController()
/**
 * Order events posted lately, by id. The app applies them a moment later, so the next tick may
 * still see the order where it was and plan the same move: it is not posted again.
 */
const posted = new Map<string, number>()
const POSTED_MEMORY_MS = 10 * 60_000

let signals = 0
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The first signal lets the current request finish; a second one does not wait.
    if (++signals > 1) process.exit(1)
    log.info({ signal }, 'warehouse simulator stopping')
    stop.abort()
  })
}

/** Staging failures on Back Market's side needs the sandbox's control API; a real Back Market has none. */
async function findSandbox(): Promise<SandboxControl | null> {
  const base = env().BACKMARKET_API_URL.replace(/\/+$/, '')
  try {
    const res = await fetch(`${base}/__sandbox/faults`, { signal: AbortSignal.timeout(3_000) })
    return res.ok ? new SandboxControl(base) : null
  } catch {
    return null
  }
}

/** The tick's events for one merchant, after its staged failures are done. */
async function planEvents(merchant: Merchant, control: SandboxControl | null): Promise<WarehouseEventInput[]> {
  const { orders, products } = await loadSnapshot(merchant.id)
  const actions = planTick({ orders, products, random: Math.random, config: { ...settings.plan, canStageOnBackMarket: control !== null } })
  const ctx: StagingContext = {
    merchantId: merchant.id,
    sandbox: control ? { control, token: decryptToken(merchant.bmTokenEncrypted, { merchantId: merchant.id }) } : null,
  }
  // An order whose staging failed is left alone for the rest of the tick: what followed was
  // planned from a state that is gone.
  const skipped = new Set<string>()
  const events: WarehouseEventInput[] = []
  for (const action of actions) {
    const order = 'order' in action ? action.order : undefined
    if (order && skipped.has(order.id)) continue
    if (isStaged(action)) {
      try {
        log.info({ merchant: merchant.name, action: action.kind, reference: action.order.reference }, await stageFailure(ctx, action))
      } catch (err) {
        skipped.add(action.order.id)
        const expected = err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found')
        log[expected ? 'info' : 'warn']({ merchant: merchant.name, action: action.kind, reference: action.order.reference, err }, 'staged failure skipped')
      }
      continue
    }
    const event = actionToEvent(action, { merchantId: merchant.id, occurredAt: new Date(), newId: randomUUID })
    if (event && !posted.has(event.id)) events.push(event)
  }
  return events
}

function logResult(merchant: Merchant, event: WarehouseEventInput, r: EventResult): void {
  const parsed = WarehouseEventSchema.safeParse(event)
  const subject = parsed.success ? eventSubject(parsed.data) : ''
  const fields = { merchant: merchant.name, event: event.type, subject, id: event.id, result: r.result }
  if ('error' in r) log.warn({ ...fields, error: r.error }, `${event.type} ${subject} ${r.result}: ${r.error.message}`)
  else log.info({ ...fields, state: r.state }, `${event.type} ${subject} ${r.result} (${r.state})`)
}

async function tickMerchant(merchant: Merchant, control: SandboxControl | null): Promise<void> {
  const events = await planEvents(merchant, control)
  if (events.length === 0 || stop.signal.aborted) return
  const results = await postEvents(settings.api, events, {
    signal: stop.signal,
    onRetry: (why, waitMs) => log.warn({ merchant: merchant.name, why, waitMs: Math.round(waitMs) }, 'events API unavailable: retrying the same batch'),
  })
  // One result per event, in the order sent.
  const now = Date.now()
  results.forEach((r, i) => {
    const event = events[i]
    if (!event) return
    if (r.result !== 'rejected' && event.type.startsWith('order.')) posted.set(event.id, now)
    logResult(merchant, event, r)
  })
}

async function main(): Promise<void> {
  const control = await findSandbox()
  log.info({ intervalMs: settings.intervalMs, ...settings.plan, sandbox: control !== null, api: settings.api.url }, 'warehouse simulator started')
  while (!stop.signal.aborted) {
    const started = Date.now()
    for (const [id, at] of posted) if (started - at > POSTED_MEMORY_MS) posted.delete(id)
    try {
      // A disconnected merchant sells nothing new: the warehouse has nothing to report for it.
      const merchants = (await db.merchant.findMany({ where: { bmTokenEncrypted: { not: null } }, select: { id: true, name: true, bmTokenEncrypted: true }, orderBy: { createdAt: 'asc' } })).flatMap(
        (m) => (m.bmTokenEncrypted === null ? [] : [{ ...m, bmTokenEncrypted: m.bmTokenEncrypted }]),
      )
      for (const merchant of merchants) {
        if (stop.signal.aborted) break
        await tickMerchant(merchant, control).catch((err) => log.warn({ err, merchant: merchant.name }, 'simulator tick failed'))
      }
    } catch (err) {
      // The database restarting is no reason to stop: the next tick tries again.
      log.warn({ err }, 'simulator tick failed')
    }
    await sleep(Math.max(0, settings.intervalMs - (Date.now() - started)), undefined, { signal: stop.signal }).catch(() => {})
  }
  await db.$disconnect().catch(() => {})
  log.info('warehouse simulator stopped')
  process.exit(0)
}

main().catch((err) => {
  log.fatal({ err }, 'warehouse simulator failed')
  process.exit(1)
})
