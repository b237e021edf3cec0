// A worker's slots for one queue: it runs up to `slots` jobs at once and fetches as many jobs as
// slots are free the moment one frees, rather than a batch at a time (pg-boss's `work` fetches
// its next batch only once the whole batch has ended, so one slow job held its batch's slots).
// Fetching per freed slot is cheap because the fetch is an index walk (queue.ts), not a sort of
// the whole backlog.
import 'server-only'
import type PgBoss from 'pg-boss'
import { log } from '@/lib/log'

export type JobSlots = {
  /** Stops fetching; resolves once the running jobs have ended. */
  stop(): Promise<void>
  /** Jobs running now. */
  readonly running: number
}

export function runJobSlots<T extends object>(opts: {
  boss: PgBoss
  queue: string
  slots: number
  /** How long to wait after a fetch that found fewer jobs than free slots (the queue is drained). */
  idleMs: number
  /** Runs one job; it is completed when this resolves, failed when it throws. */
  run: (job: PgBoss.Job<T>) => Promise<void>
}): JobSlots {
  const { boss, queue, slots, idleMs } = opts
  const jobs = new Set<Promise<void>>()
  let stopping = false
  let wake: (() => void) | null = null

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null
        resolve()
      }, ms)
      wake = () => {
        clearTimeout(timer)
        wake = null
        resolve()
      }
    })

  const start = (job: PgBoss.Job<T>) => {
    const done = (async () => {
      try {
        await opts.run(job)
        await boss.complete(queue, job.id)
      } catch (err) {
        await boss.fail(queue, job.id, { message: err instanceof Error ? err.message : String(err) }).catch((failErr: unknown) =>
          log.warn({ err: failErr, jobId: job.id }, 'could not record a failed job'),
        )
      }
    })().finally(() => {
      jobs.delete(done)
      // A freed slot wakes a loop waiting for one; a loop idle on a drained queue is not woken
      // (it would only find the queue empty again sooner than every idleMs).
      if (full) wake?.()
    })
    jobs.add(done)
  }

  let full = false
  const loop = (async () => {
    while (!stopping) {
      const free = slots - jobs.size
      if (free <= 0) {
        full = true
        // Woken by the first job to end; the timeout only guards against a missed wake.
        await pause(idleMs)
        full = false
        continue
      }
      let fetched: PgBoss.Job<T>[] = []
      try {
        fetched = await boss.fetch<T>(queue, { batchSize: free })
      } catch (err) {
        log.warn({ err, queue }, 'fetching jobs failed')
      }
      for (const job of fetched) start(job)
      if (fetched.length < free && !stopping) await pause(idleMs)
    }
  })()

  return {
    get running() {
      return jobs.size
    },
    async stop() {
      stopping = true
      wake?.()
      await loop
      await Promise.all([...jobs])
    },
  }
}
