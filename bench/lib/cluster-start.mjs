// The app in N processes sharing one port, for the benchmarks' comparison of one process against
// N (bench:dashboard's throughput phase, bench:events --app-processes): Next's own `next start`
// in APP_PROCESSES node:cluster workers (1: `next start` itself, no launcher in between). Not how
// production runs: measured on the 2-core machine, two processes served fewer requests than one
// (docs/decisions/0015-one-app-process.md), so `npm start` stays `next start`. Kept here to measure
// again on another machine. Run from the built app's folder; arguments go to `next start`:
//
//   APP_PROCESSES=2 node bench/lib/cluster-start.mjs -p 3000 -H 127.0.0.1
//
// Each process opens its own DB_POOL_MAX connections to PostgreSQL.
// Plain JavaScript: it must start without tsx.
import cluster from 'node:cluster'
import { createRequire } from 'node:module'
import path from 'node:path'
import { z } from 'zod'

// The app folder's own Next (cwd): a second copy loaded from elsewhere would not share its module state.
const nextBin = createRequire(path.join(process.cwd(), 'package.json')).resolve('next/dist/bin/next')
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
