// `tsx --conditions=react-server scripts/warehouse-simulator.ts`: a simulated warehouse, so the
// running demo shows live syncs and live failures. Every tick, for each merchant, it validates a
// few CREATED orders (oldest first; those with address errors stay for the Errors tab), moves a
// few along VALIDATED → PICKING → PACKED → IN_TRANSIT → DELIVERED, records a few stock movements,
// and now and then stages a realistic Back Market failure first (scripts/simulator/plan-tick.ts).
// Env as the worker (DATABASE_URL, BACKMARKET_API_URL, TOKEN_ENCRYPTION_KEY) plus SIMULATOR_*
// (scripts/simulator/config.ts). Several instances may run: every write is a compare-and-set, and
// an instance that loses a race skips that order for the tick.
import { setTimeout as sleep } from 'node:timers/promises'
import { decryptToken } from '@/lib/crypto/token-cipher'
import { db } from '@/lib/db'
import { env } from '@/lib/env'
import { AppError } from '@/lib/errors'
import { log } from '@/lib/log'
import { stopQueue } from '@/lib/sync/queue'
import { SandboxControl } from './lib/sandbox-control'
import { simulatorSettings } from './simulator/config'
import { loadSnapshot } from './simulator/load-snapshot'
import { performAction, type ActionContext } from './simulator/perform-action'
import { planTick } from './simulator/plan-tick'

type Merchant = { id: string; name: string; bmTokenEncrypted: string }

const settings = simulatorSettings(process.env)
const stop = new AbortController()

let signals = 0
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The first signal lets the current action finish; a second one does not wait.
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

async function tickMerchant(merchant: Merchant, control: SandboxControl | null): Promise<void> {
  const { orders, products } = await loadSnapshot(merchant.id)
  const actions = planTick({ orders, products, random: Math.random, config: { ...settings.plan, canStageOnBackMarket: control !== null } })
  const ctx: ActionContext = {
    merchantId: merchant.id,
    sandbox: control ? { control, token: decryptToken(merchant.bmTokenEncrypted, { merchantId: merchant.id }) } : null,
  }
  // An order whose action failed is left alone for the rest of the tick: what followed was
  // planned from a state that is gone.
  const skipped = new Set<string>()
  for (const action of actions) {
    if (stop.signal.aborted) return
    const order = 'order' in action ? action.order : undefined
    if (order && skipped.has(order.id)) continue
    const fields = { merchant: merchant.name, action: action.kind, ...(action.kind === 'stock' ? { sku: action.sku } : { reference: order?.reference }) }
    try {
      log.info(fields, await performAction(ctx, action))
    } catch (err) {
      if (order) skipped.add(order.id)
      if (err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found')) {
        log.info({ ...fields, reason: err.message }, 'skipped: changed elsewhere or refused')
      } else {
        log.warn({ ...fields, err }, 'simulator action failed')
      }
    }
  }
}

async function main(): Promise<void> {
  const control = await findSandbox()
  log.info({ intervalMs: settings.intervalMs, ...settings.plan, sandbox: control !== null }, 'warehouse simulator started')
  while (!stop.signal.aborted) {
    const started = Date.now()
    try {
      const merchants = await db.merchant.findMany({ select: { id: true, name: true, bmTokenEncrypted: true }, orderBy: { createdAt: 'asc' } })
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
  await stopQueue().catch((err) => log.warn({ err }, 'queue stop failed'))
  await db.$disconnect().catch(() => {})
  log.info('warehouse simulator stopped')
  process.exit(0)
}

main().catch((err) => {
  log.fatal({ err }, 'warehouse simulator failed')
  process.exit(1)
})
