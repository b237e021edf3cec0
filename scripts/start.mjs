// `npm start` — the built app in production: Next's own `next start`, in APP_PROCESSES processes
// sharing one port (node:cluster; default 1). Every process is a plain, stateless `next start`:
// sessions, rate limits, queues and caches all live in PostgreSQL, so N processes on one machine
// behave as N machines behind a load balancer (docs/decisions/0015-app-processes.md says when
// more than one pays: measured by bench:dashboard). Arguments go to `next start` unchanged:
//
//   npm start -- -p 3000 -H 0.0.0.0            one process (what `next start` was)
//   APP_PROCESSES=2 npm start -- -p 3000       two, the connections shared between them
//
// Each process opens its own DB_POOL_MAX connections to PostgreSQL: count them in.
// Plain JavaScript: it must start without tsx or a build of its own.
import cluster from 'node:cluster'
import { createRequire } from 'node:module'
import { z } from 'zod'

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
const nextArgs = ['start', ...process.argv.slice(2)]

const parsed = z.coerce.number().int().min(1).max(64).default(1).safeParse(process.env.APP_PROCESSES || undefined)
if (!parsed.success) {
  console.error(`APP_PROCESSES must be a whole number from 1 to 64, got ${JSON.stringify(process.env.APP_PROCESSES)}`)
  process.exit(1)
}
const processes = parsed.data

// A process that keeps dying right after it starts is a broken build or configuration, not bad
// luck: past this many exits in a minute the launcher gives up, so its supervisor sees the failure.
const MAX_RESTARTS_PER_MINUTE = 5

if (processes === 1) {
  // No launcher process in between: exactly `next start`, signals and exit code included.
  process.argv = [process.argv[0], nextBin, ...nextArgs]
  await import(nextBin)
} else {
  cluster.setupPrimary({ exec: nextBin, args: nextArgs })
  /** Set once a stop began: the code the launcher exits with when its last process has. */
  let stopCode = null
  const exits = []
  // A dead process may stay listed until its IPC channel closes too.
  const running = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead()).length

  /** Passes the signal on (each `next start` finishes its requests and exits); exits after the last. */
  const stopAll = (signal, exitCode) => {
    if (stopCode !== null) return
    stopCode = exitCode
    if (running() === 0) process.exit(stopCode)
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal)
  }

  cluster.on('exit', (worker, code, signal) => {
    if (stopCode !== null) {
      if (running() === 0) process.exit(stopCode)
      return
    }
    const now = Date.now()
    exits.push(now)
    while (exits.length && exits[0] < now - 60_000) exits.shift()
    if (exits.length > MAX_RESTARTS_PER_MINUTE) {
      console.error(`[start] app processes exited ${exits.length} times in a minute; stopping`)
      stopAll('SIGTERM', 1)
      return
    }
    console.error(`[start] app process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`)
    cluster.fork()
  })
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal, 0))
  for (let i = 0; i < processes; i++) cluster.fork()
}
