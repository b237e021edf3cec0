import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, test, vi } from 'vitest'
import { createStore } from './state'

// Count real writes of the state file without changing how the store writes it.
const writes = vi.hoisted(() => ({ count: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    writeFile: (...args: Parameters<typeof fs.writeFile>) => {
      writes.count++
      return fs.writeFile(...args)
    },
  }
})

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function storeWith1000Orders() {
  dir = await mkdtemp(path.join(tmpdir(), 'bm-sandbox-throttle-'))
  const store = await createStore({ file: path.join(dir, 'state.json'), debounceMs: 50 })
  const account = store.ensureAccount('t')
  for (let id = 1; id <= 1_000; id++) account.orders.set(id, { order_id: id, state: 1 } as never)
  return { store, account }
}

test('10,000 changes in one burst cost a single write', async () => {
  const { store, account } = await storeWith1000Orders()
  writes.count = 0
  for (let i = 0; i < 10_000; i++) {
    const o = account.orders.get((i % 1_000) + 1)
    if (o) o.state = i % 2 ? 3 : 1
    store.changed()
  }
  await store.flush()
  expect(writes.count).toBe(1)
})

test('a steady stream of changes is written every debounce interval, not once per change and not never', async () => {
  const { store } = await storeWith1000Orders()
  writes.count = 0
  const until = Date.now() + 400
  let changes = 0
  while (Date.now() < until) {
    store.changed()
    changes++
    await new Promise((r) => setTimeout(r, 2))
  }
  await store.flush()
  expect(changes).toBeGreaterThan(50)
  // 400 ms at one write per 50 ms (plus the final flush), far from one per change.
  expect(writes.count).toBeGreaterThanOrEqual(3)
  expect(writes.count).toBeLessThanOrEqual(10)
})
