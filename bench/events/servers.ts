// The processes of bench:events: the app built into its own folder (.next-bench, so a build never
// collides with anybody's dev server or build) and served by `next start`, the bare baseline, and
// the workers that apply the events. All on free ports, each in its own process group.
import path from 'node:path'
import { freePort } from '@/scripts/lib/postgres-server'
import { waitForHttp } from '../dashboard/servers'
import { nodeTs, ROOT, runToEnd, spawnLogged, type Env, type Proc } from '../lib/procs'

export const DIST_DIR = '.next-bench'
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next')

/**
 * `next build` in its two halves, compile then generate: the same build without the type check,
 * which reads every .ts file of the tree — other people's half-edited tests included — and is not
 * what this measures (`npm run typecheck` is).
 */
export async function buildApp(env: Env, logDir: string): Promise<void> {
  for (const mode of ['compile', 'generate']) {
    await runToEnd(`next-build-${mode}`, process.execPath, [NEXT_BIN, 'build', '--experimental-build-mode', mode], {
      cwd: ROOT,
      env: { ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      logDir,
    })
  }
}

/** `next start` on the built app; `port` again after a SIGKILL, so the clients find it where it was. */
export async function startApp(env: Env, logDir: string, port?: number): Promise<{ proc: Proc; port: number }> {
  const p = port ?? (await freePort())
  const proc = spawnLogged('next-start', process.execPath, [NEXT_BIN, 'start', '-p', String(p), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', SERVICE_NAME: 'bench-app' },
    logDir,
  })
  await waitForHttp(p, '/api/health', 'next start', proc)
  return { proc, port: p }
}

export async function startBare(databaseUrl: string, logDir: string): Promise<{ proc: Proc; port: number }> {
  const port = await freePort()
  const proc = spawnLogged('bare-server', process.execPath, nodeTs(path.join(ROOT, 'bench/events/bare-server.ts')), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl },
    logDir,
  })
  await waitForHttp(port, '/', 'the bare server', proc)
  return { proc, port }
}
