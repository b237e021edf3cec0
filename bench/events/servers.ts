// The processes of bench:events: the app built in a snapshot of the working tree (a folder under
// the system's temp dir, as bench:dashboard does: a build in the repository would rewrite its .next
// and tsconfig.json under everybody's feet, and would build their half-made edits mid-run) and
// served as production serves it (`npm start`: `next start`; --app-processes N: N processes through
// bench/lib/cluster-start.mjs), the bare baseline, and the workers that apply the events. All on
// free ports, each in its own process group.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '@/scripts/lib/postgres-server'
import { waitForHttp } from '../dashboard/servers'
import { makeSnapshot } from '../dashboard/snapshot'
import { nodeTs, ROOT, runToEnd, spawnLogged, type Env, type Proc } from '../lib/procs'

/** Kept between runs, so that --skip-build can serve the last build again. */
export const APP_DIR = path.join(tmpdir(), 'bm-bench-events-app')

/**
 * A fresh snapshot, then `next build` in its two halves, compile then generate: the same build
 * without the type check, which reads every .ts file of the tree — other people's half-edited
 * tests included — and is not what this measures (`npm run typecheck` is).
 */
export async function buildApp(env: Env, logDir: string, patches: string[] = []): Promise<string> {
  rmSync(APP_DIR, { recursive: true, force: true })
  const snapshot = makeSnapshot(APP_DIR, false)
  // --patch: a proposed change measured without touching the repository (or the change undone, -R).
  for (const f of patches) execFileSync('git', ['apply', f], { cwd: APP_DIR, stdio: ['ignore', 'pipe', 'pipe'] })
  const nextBin = path.join(APP_DIR, 'node_modules/next/dist/bin/next')
  for (const mode of ['compile', 'generate']) {
    await runToEnd(`next-build-${mode}`, process.execPath, [nextBin, 'build', '--experimental-build-mode', mode], {
      cwd: APP_DIR,
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      logDir,
    })
  }
  return `${snapshot.commit.slice(0, 10)}${snapshot.dirty.length ? ` + ${snapshot.dirty.length} changed files` : ''}${patches.length ? ` + ${patches.map((f) => path.basename(f)).join(', ')}` : ''}`
}

export type AppOptions = {
  /** APP_PROCESSES: `next start` processes sharing the port. */
  processes: number
  /** Node flags of the app's processes (--cpu-prof…); cluster workers inherit them. */
  nodeFlags: string[]
}

/** The built app, `npm start`'s way (or N processes); `port` again after a SIGKILL, so the clients find it where it was. */
export async function startApp(env: Env, logDir: string, app: AppOptions, port?: number): Promise<{ proc: Proc; port: number }> {
  if (!existsSync(path.join(APP_DIR, '.next/BUILD_ID'))) throw new Error(`no build in ${APP_DIR}: run without --skip-build`)
  const p = port ?? (await freePort())
  const launcher = app.processes > 1 ? [path.join(ROOT, 'bench/lib/cluster-start.mjs')] : [path.join(APP_DIR, 'node_modules/next/dist/bin/next'), 'start']
  const proc = spawnLogged('next-start', process.execPath, [...app.nodeFlags, ...launcher, '-p', String(p), '-H', '127.0.0.1'], {
    cwd: APP_DIR,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', SERVICE_NAME: 'bench-app', APP_PROCESSES: String(app.processes) },
    logDir,
  })
  await waitForHttp(p, '/api/health', 'next start', proc)
  return { proc, port: p }
}

export async function startBare(databaseUrl: string, logDir: string, nodeFlags: string[] = []): Promise<{ proc: Proc; port: number }> {
  const port = await freePort()
  const proc = spawnLogged('bare-server', process.execPath, [...nodeFlags, ...nodeTs(path.join(ROOT, 'bench/events/bare-server.ts'))], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
    logDir,
  })
  await waitForHttp(port, '/', 'the bare server', proc)
  return { proc, port }
}
