// The sandbox's memory: one account per token, each with its orders and listings, plus id
// counters shared by all accounts (Back Market ids are global). Persisted as one JSON file,
// written atomically (temp file + rename) at most every `debounceMs` after a change and on
// flush, so a burst of updates costs one write, not one per request.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Account, Listing, Order } from './types'

type Counter = 'order' | 'line' | 'listing' | 'product'

const FIRST_IDS: Record<Counter, number> = { order: 40_000_000, line: 50_000_000, listing: 4_000, product: 100_000 }

interface Snapshot {
  version: 1
  counters: Record<Counter, number>
  accounts: Record<string, { name: string; orders: Order[]; listings: Listing[] }>
}

export interface Store {
  account(token: string): Account | undefined
  ensureAccount(token: string, name?: string): Account
  nextId(kind: Counter): number
  /** Explicit ids (control API) push the counter past them so auto ids never collide. */
  reserveId(kind: Counter, id: number): void
  changed(): void
  flush(): Promise<void>
  reset(): void
}

export async function createStore(opts: { file?: string; debounceMs?: number } = {}): Promise<Store> {
  const { file, debounceMs = 100 } = opts
  let accounts = new Map<string, Account>()
  let counters = { ...FIRST_IDS }
  if (file) ({ accounts, counters } = await load(file))

  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> | undefined
  let dirty = false

  async function write(): Promise<void> {
    if (!file) return
    // One write at a time; a change that lands mid-write is picked up by the next one.
    while (writing) await writing
    if (!dirty) return
    dirty = false
    const json = JSON.stringify(snapshot(accounts, counters))
    writing = writeAtomically(file, json).finally(() => (writing = undefined))
    await writing
  }

  function changed() {
    dirty = true
    // Throttle, not debounce: under a steady stream of changes a pure debounce never fires.
    if (!file || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void write().catch((err: unknown) => process.emitWarning(`sandbox state write failed: ${String(err)}`))
    }, debounceMs)
    timer.unref()
  }

  return {
    account: (token) => accounts.get(token),
    ensureAccount(token, name) {
      let acc = accounts.get(token)
      if (!acc) {
        acc = { name: name ?? token, orders: new Map(), listings: new Map() }
        accounts.set(token, acc)
      } else if (name) acc.name = name
      return acc
    },
    nextId(kind) {
      return counters[kind]++
    },
    reserveId(kind, id) {
      if (id >= counters[kind]) counters[kind] = id + 1
    },
    changed,
    async flush() {
      if (timer) clearTimeout(timer)
      timer = undefined
      await write()
    },
    reset() {
      accounts.clear()
      counters = { ...FIRST_IDS }
      changed()
    },
  }
}

function snapshot(accounts: Map<string, Account>, counters: Record<Counter, number>): Snapshot {
  const out: Snapshot = { version: 1, counters, accounts: {} }
  for (const [token, a] of accounts) {
    out.accounts[token] = { name: a.name, orders: [...a.orders.values()], listings: [...a.listings.values()] }
  }
  return out
}

async function load(file: string): Promise<{ accounts: Map<string, Account>; counters: Record<Counter, number> }> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { accounts: new Map(), counters: { ...FIRST_IDS } }
    throw err
  }
  const snap = JSON.parse(raw) as Snapshot
  if (snap.version !== 1) throw new Error(`Unsupported sandbox state version in ${file}: ${String(snap.version)}`)
  const accounts = new Map<string, Account>()
  for (const [token, a] of Object.entries(snap.accounts)) {
    accounts.set(token, {
      name: a.name,
      orders: new Map(a.orders.map((o) => [o.order_id, o])),
      listings: new Map(a.listings.map((l) => [l.id, l])),
    })
  }
  return { accounts, counters: { ...FIRST_IDS, ...snap.counters } }
}

async function writeAtomically(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, data)
  await rename(tmp, file)
}
