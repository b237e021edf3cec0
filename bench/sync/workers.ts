// The sync workers under test: `scripts/worker.ts` processes, started, SIGKILLed and replaced
// like a crashing deployment would, with their resident memory sampled every second.
import { cpuSeconds, rssBytes } from '../lib/proc-stats'
import { isRunning, spawnTs, stopProc, type Proc } from '../lib/procs'

/** Extra node flags for the workers only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them. */
const WORKER_NODE_ARGS = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean)

export type WorkerPoolOptions = { env: NodeJS.ProcessEnv; logDir: string; concurrency: number; label: string }

export type MemoryStats = { samples: number; peakMb: number; meanMb: number; cpuSeconds: number }

export class WorkerPool {
  readonly workers: Proc[] = []
  private started = 0
  private timer: NodeJS.Timeout | undefined
  /** RSS samples of every worker process ever started, in bytes. */
  private readonly samples: number[] = []
  private peak = 0
  /** Last CPU reading of every worker process, killed ones included. */
  private readonly cpu = new Map<number, number>()

  constructor(private readonly opts: WorkerPoolOptions) {}

  start(n: number): void {
    for (let i = 0; i < n; i++) this.add()
    this.timer ??= setInterval(() => this.sample(), 1_000)
  }

  /** One more worker, as an operator's supervisor would restart a dead one. */
  add(): Proc {
    const name = `${this.opts.label}-worker-${++this.started}`
    const p = spawnTs(name, 'scripts/worker.ts', {
      ...this.opts.env,
      SERVICE_NAME: 'worker',
      SYNC_CONCURRENCY: String(this.opts.concurrency),
      // Names its database sessions: the fault run's task log says which worker claimed what (recovery.ts).
      PGAPPNAME: name,
    }, this.opts.logDir, [], WORKER_NODE_ARGS)
    this.workers.push(p)
    return p
  }

  live(): Proc[] {
    return this.workers.filter(isRunning)
  }

  /** SIGKILL a random live worker and start a replacement. Returns the killed one's name. */
  killRandomAndReplace(random: () => number = Math.random): string | null {
    const live = this.live()
    const victim = live[Math.floor(random() * live.length)]
    if (!victim) return null
    victim.child.kill('SIGKILL')
    this.add()
    return victim.name
  }

  get startedCount(): number {
    return this.started
  }

  private sample(): void {
    for (const p of this.live()) {
      const cpu = cpuSeconds(p.pid)
      if (cpu !== null) this.cpu.set(p.pid, cpu)
      const rss = rssBytes(p.pid)
      if (rss === null) continue
      this.samples.push(rss)
      if (rss > this.peak) this.peak = rss
    }
  }

  memory(): MemoryStats {
    const mb = (b: number) => Math.round((b / 1_048_576) * 10) / 10
    const mean = this.samples.length ? this.samples.reduce((a, b) => a + b, 0) / this.samples.length : 0
    const cpu = [...this.cpu.values()].reduce((a, b) => a + b, 0)
    return { samples: this.samples.length, peakMb: mb(this.peak), meanMb: mb(mean), cpuSeconds: Math.round(cpu * 10) / 10 }
  }

  /** Graceful stop (pg-boss finishes its active jobs), SIGKILL after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.timer) this.sample()
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await Promise.all(this.live().map((p) => stopProc(p, graceMs)))
  }
}
