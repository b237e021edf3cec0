// Cleanup of a benchmark run (stop its processes, drop its database, remove its work directory):
// steps are registered as they become needed and run once, on success, on failure and on
// Ctrl-C / SIGTERM alike.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { killAllNow, stopAll } from './procs'

type Step = { label: string; fn: () => Promise<void> | void }
const steps: Step[] = []
const exitSteps: (() => void)[] = []
let running: Promise<void> | undefined
let stopGraceMs = 10_000
let interrupted = false

/** A synchronous step for the 'exit' event, when nothing asynchronous can run any more (rm of a dir). */
export function onExitSync(fn: () => void): void {
  exitSteps.push(fn)
}

/** Registers a cleanup step; steps run in reverse order of registration (last started, first stopped). */
export function onCleanup(label: string, fn: () => Promise<void> | void): void {
  steps.push({ label, fn })
}

/** A fresh directory under the system's temp dir, removed at cleanup and, failing that, on exit. */
export function tempWorkDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  onCleanup('remove work dir', remove)
  onExitSync(remove)
  return dir
}

/** Stops every child process still running, then runs the steps; the same promise on every call. */
export function cleanup(): Promise<void> {
  running ??= (async () => {
    await stopAll(stopGraceMs)
    while (steps.length) {
      const step = steps.pop()!
      try {
        await step.fn()
      } catch (err) {
        console.error(`cleanup: ${step.label} failed: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  })()
  return running
}

/** True once a signal started the cleanup: the steps failing because their processes were stopped are not news. */
export function wasInterrupted(): boolean {
  return interrupted
}

/**
 * Ctrl-C, SIGTERM and a crash still clean up; a second signal exits at once after a best-effort
 * kill. `graceMs`: how long a child may take to stop after SIGTERM before it is killed.
 */
export function installCleanupHandlers({ graceMs = 10_000 }: { graceMs?: number } = {}): void {
  stopGraceMs = graceMs
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (interrupted) {
        killAllNow()
        process.exit(130)
      }
      interrupted = true
      console.error(`\n${sig}: cleaning up…`)
      void cleanup().finally(() => process.exit(130))
    })
  }
  process.on('exit', () => {
    // Synchronous last resort (nothing async runs here): no child survives us.
    killAllNow()
    for (const fn of exitSteps) {
      try {
        fn()
      } catch {
        // best effort
      }
    }
  })
}

/**
 * Runs a benchmark's main and exits with its code once everything is cleaned up. A crash is
 * printed (after `onCrash`, e.g. to keep the logs), cleaned up, and exits 2; once interrupted, the
 * steps failing because their processes were stopped are not news.
 */
export function runMain(main: () => Promise<number>, onCrash: () => void = () => {}): void {
  main()
    .then(async (code) => {
      await cleanup()
      process.exit(code)
    })
    .catch(async (err: unknown) => {
      if (wasInterrupted()) return
      onCrash()
      console.error(err instanceof Error ? err.stack : err)
      await cleanup()
      process.exit(2)
    })
}
