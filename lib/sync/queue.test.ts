// The queue's start against a real PostgreSQL: one that cannot be reached first, then ours.
import { expect, test } from 'vitest'
import pg from 'pg'
import { QUEUES, queueStarter } from './queue'

test('a failed queue start is not kept: the next use starts the queue again', async () => {
  // Nothing listens on port 1: the database is unreachable, as in a hiccup at boot.
  let url = 'postgres://postgres@127.0.0.1:1/unreachable'
  const queue = queueStarter(() => url)
  try {
    await expect(queue.get()).rejects.toThrow()
    await expect(queue.get()).rejects.toThrow()

    url = process.env.DATABASE_URL!
    const boss = await queue.get()
    expect(await boss.getQueue(QUEUES.syncTask)).toMatchObject({ name: QUEUES.syncTask, policy: 'stately' })
    expect(await queue.get()).toBe(boss)
  } finally {
    await queue.stop()
  }
})

test('a warehouse-events run left active by a worker that died does not stop the next run from starting', async () => {
  const queue = queueStarter(() => process.env.DATABASE_URL!)
  try {
    const boss = await queue.get()
    await boss.send(QUEUES.warehouseEvents, {})
    // Fetched and never completed: the job of a worker SIGKILLed mid-run.
    expect(await boss.fetch(QUEUES.warehouseEvents)).toHaveLength(1)
    await boss.send(QUEUES.warehouseEvents, {})
    await boss.send(QUEUES.warehouseEvents, {})
    // A burst still queues one run; that run starts at once on another worker.
    expect(await boss.fetch(QUEUES.warehouseEvents, { batchSize: 5 })).toHaveLength(1)
  } finally {
    await queue.stop()
  }
})

test('the sync queue has the index pg-boss fetches in: a fetch walks it instead of sorting the backlog', async () => {
  const queue = queueStarter(() => process.env.DATABASE_URL!)
  try {
    const boss = await queue.get()
    const { rows } = await boss.getDb().executeSql(
      `SELECT i.indexdef FROM pgboss.queue q JOIN pg_indexes i ON i.schemaname = 'pgboss' AND i.tablename = q.partition_name WHERE q.name = $1`,
      [QUEUES.syncTask],
    )
    expect(rows.map((r: { indexdef: string }) => r.indexdef)).toContainEqual(expect.stringMatching(/\(name, priority DESC, created_on, id\) WHERE \(state < 'active'/))
  } finally {
    await queue.stop()
  }
})

test('a worker starting on a database that has the fetch-order index does not lock the job table: sends and fetches go on', async () => {
  const first = queueStarter(() => process.env.DATABASE_URL!)
  await first.get()
  await first.stop()
  // A transaction that writes a job and stays open (any running send, fetch or complete holds this).
  const writer = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await writer.connect()
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await watcher.connect()
  const queue = queueStarter(() => process.env.DATABASE_URL!)
  try {
    await writer.query('BEGIN')
    await writer.query('LOCK TABLE pgboss.job IN ROW EXCLUSIVE MODE')
    let started = false
    const starting = queue.get().then(() => {
      started = true
    })
    // The start either ends, or waits behind the open transaction on the index statement's lock.
    while (!started) {
      const { rows } = await watcher.query(
        `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%CREATE INDEX IF NOT EXISTS job_fetch_order%' AND pid <> pg_backend_pid()`,
      )
      if (rows.length > 0) throw new Error('the start waits for a lock on pgboss.job')
      await new Promise((r) => setTimeout(r, 20))
    }
    await starting
  } finally {
    await writer.query('ROLLBACK')
    await writer.end()
    await watcher.end()
    await queue.stop()
  }
})
