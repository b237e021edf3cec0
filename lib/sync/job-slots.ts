// A worker's slots for one queue: it runs up to `slots` jobs at once and fetches as many jobs as
// slots are free the moment one frees, rather than a batch at a time (pg-boss's `work` fetches
// its next batch only once the whole batch has ended, so one slow job held its batch's slots).
// Fetching per freed slot is cheap because the fetch is an index walk (queue.ts), not a sort of
// the whole backlog.
import 'server-only'
import type PgBoss from 'pg-boss'
import { log } from '@/lib/log'

/** The reason a stopping worker's runs are aborted with. */
export class WorkerStopping extends Error {
  constructor() {
    super('the worker is stopping')
    this.name = 'WorkerStopping'
  }
}

export type JobSlots = {
  /**
   * Stops fetching and aborts the running jobs' signal (a job waiting to start its work gives it
   * back); resolves once they have ended, or after `graceMs` — an orchestrator kills a process
   * that takes longer (10-30 s), and a job still running then is recovered by its lease instead.
   */
  stop(opts?: { graceMs?: number }): Promise<void>
  /** Jobs running now. */
  readonly running: number
}

/** How long a stop waits for running jobs by default: well within an orchestrator's kill delay. */
export const STOP_GRACE_MS = 5_000

export function runJobSlots<T extends object>(opts: {
  boss: PgBoss
  queue: string
  slots: number
  /** How long to wait after a fetch that found fewer jobs than free slots (the queue is drained). */
  idleMs: number
  /** Runs one job; it is completed when this resolves, failed when it throws. `signal` fires on stop. */
  run: (job: PgBoss.Job<T>, signal: AbortSignal) => Promise<void>
}): JobSlots {
  const { boss, queue, slots, idleMs } = opts
  const jobs = new Set<Promise<void>>()
  const stopped = new AbortController()
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
        await opts.run(job, stopped.signal)
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
    async stop({ graceMs = STOP_GRACE_MS } = {}) {
      stopping = true
      wake?.()
      stopped.abort(new WorkerStopping())
      await loop
      let timer: NodeJS.Timeout | undefined
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs)
      })
      await Promise.race([Promise.all([...jobs]), grace])
      clearTimeout(timer)
      if (jobs.size > 0) log.warn({ queue, running: jobs.size }, 'stopped with jobs still running: their leases will hand them on')
    },
  }
}
