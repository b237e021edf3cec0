// A worker's slots on a real pg-boss queue: a job starts as soon as one slot frees, while the
// others still run (pg-boss's own `work` waited for its whole batch).
import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { pgPool } from '@/lib/db'
import { runJobSlots } from './job-slots'
import { getQueue } from './queue'
import { until } from './testing/until'

test('a freed slot takes the next job at once; the other slots keep running theirs', async () => {
  const boss = await getQueue()
  const queue = `test-slots-${randomUUID()}`
  await boss.createQueue(queue, { name: queue, policy: 'standard' })
  for (let n = 1; n <= 5; n++) await boss.send(queue, { n })
  const ends = new Map<number, () => void>()
  const started: number[] = []
  let closing = false
  const slots = runJobSlots<{ n: number }>({
    boss,
    queue,
    slots: 3,
    idleMs: 60_000,
    run: (job) =>
      new Promise<void>((resolve) => {
        started.push(job.data.n)
        ends.set(job.data.n, resolve)
        if (closing) resolve()
      }),
  })
  try {
    await until('three jobs run', () => started.length === 3)
    ends.get(started[0]!)!()
    // Not after the idle wait (a minute here): woken by the freed slot.
    await until('a fourth job starts', () => started.length === 4)
    expect(slots.running).toBe(3)
    expect(ends.size).toBe(4)
    for (const end of ends.values()) end()
    await until('the last job starts', () => started.length === 5)
  } finally {
    closing = true
    for (const end of ends.values()) end()
    await slots.stop()
  }
  expect([...started].sort()).toEqual([1, 2, 3, 4, 5])
  const states = await pgPool().query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = $1`, [queue])
  expect(states.rows.map((r) => r.state)).toEqual(Array(5).fill('completed'))
})

test('a stop aborts the running jobs and waits for them only so long: a job that does not end is left to its lease', async () => {
  const boss = await getQueue()
  const queue = `test-slots-${randomUUID()}`
  await boss.createQueue(queue, { name: queue, policy: 'standard' })
  await boss.send(queue, { n: 1 })
  await boss.send(queue, { n: 2 })
  const started: number[] = []
  const aborted: number[] = []
  const slots = runJobSlots<{ n: number }>({
    boss,
    queue,
    slots: 2,
    idleMs: 60_000,
    run: (job, signal) =>
      new Promise<void>((resolve) => {
        started.push(job.data.n)
        // Job 1 waits for its slot and gives up when aborted; job 2 is stuck and never ends.
        signal.addEventListener('abort', () => {
          aborted.push(job.data.n)
          if (job.data.n === 1) resolve()
        })
      }),
  })
  await until('both jobs run', () => started.length === 2)
  await slots.stop({ graceMs: 200 })
  expect(aborted.sort()).toEqual([1, 2])
  expect(slots.running).toBe(1)
  const states = await pgPool().query<{ n: number; state: string }>(`SELECT (data->>'n')::int AS n, state::text FROM pgboss.job WHERE name = $1 ORDER BY 1`, [queue])
  expect(states.rows).toEqual([
    { n: 1, state: 'completed' },
    { n: 2, state: 'active' },
  ])
})
