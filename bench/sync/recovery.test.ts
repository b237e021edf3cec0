// Which tasks a killed worker held, and how long until another run claimed them.
import { expect, test } from 'vitest'
import { recoveryWaits, type TaskEvent } from './recovery'

const ev = (taskId: string, attempts: number, status: string, worker: string, atMs: number): TaskEvent => ({ taskId, attempts, status, worker, atMs })

test("a task SENT under the killed worker's claim waits until the next claim; others' tasks and finished runs do not count", () => {
  const events = [
    ev('a', 1, 'SENT', 'w1', 1_000), // w1's claim, cut short by the kill at 5 s, claimed again at 17 s
    ev('a', 2, 'SENT', 'w2', 17_000),
    ev('a', 2, 'VERIFIED', 'w2', 17_500),
    ev('b', 1, 'SENT', 'w2', 1_000), // w2's, alive: not a dead worker's task
    ev('b', 1, 'VERIFIED', 'w2', 6_000),
    ev('c', 1, 'SENT', 'w1', 2_000), // w1's run ended (a retry queued) before the kill: its next claim is the retry's
    ev('c', 1, 'QUEUED', 'w1', 3_000),
    ev('c', 2, 'SENT', 'w2', 9_000),
    ev('d', 1, 'SENT', 'w3', 1_000), // w1 re-claimed d after w3's death, then died too; never claimed again
    ev('d', 2, 'SENT', 'w1', 4_000),
  ]
  const r = recoveryWaits(events, [
    { worker: 'w1', atMs: 5_000 },
    { worker: 'w3', atMs: 2_500 },
  ])
  expect(r).toMatchObject({ deadTasks: 3, waits: [1.5, 12], longest: 12, neverResumed: 1, histogram: { '0–5 s': 1, '10–15 s': 1 } })
  expect(r.worst[0]).toEqual({ taskId: 'a', worker: 'w1', seconds: 12 })
})

test("the wait splits at the lease sweep's hand-back", () => {
  const r = recoveryWaits(
    [ev('a', 1, 'SENT', 'w1', 1_000), ev('a', 1, 'SWEPT', 'w2', 12_000), ev('a', 2, 'SENT', 'w2', 13_000)],
    [{ worker: 'w1', atMs: 2_000 }],
  )
  expect(r).toMatchObject({ deadTasks: 1, waits: [11], split: { toSweep: { p50: 10, max: 10 }, sweepToClaim: { p50: 1, max: 1 } } })
})
