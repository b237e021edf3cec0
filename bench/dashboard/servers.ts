// The servers under test, on free ports: the app as production starts it (`npm start`: `next
// start`, one process) on the built snapshot, the bare node:http + pg server (bare-server.ts)
// replaying the same SQL, and on demand (the throughput phase) the same app in N processes
// (bench/lib/cluster-start.mjs); and the checks that they answer as the capture saw.
// (No import of ./options here: bench:events uses these helpers, and options.ts parses argv.)
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { freePort } from '../../scripts/lib/postgres-server'
import { nodeTs, ROOT, spawnLogged, tail, type Env, type Proc } from '../lib/procs'
import type { CaptureOutput, CapturedCase } from './cases'
import { get, newAgent, sleep } from './load'
import { cookieOf } from './sessions'

export type Servers = {
  app: Proc
  appPort: number
  bare: Proc
  barePort: number
  /** The same app in `processes` processes sharing a port (node:cluster), on a port of its own, every process ready. */
  startAppN: (processes: number) => Promise<AppN>
}

export type AppN = { proc: Proc; port: number; processes: number }

type ServerOptions = {
  appDir: string
  nextBin: string
  appEnv: Env
  databaseUrl: string
  /** The captured SQL the bare server replays. */
  captureOut: string
  logDir: string
  /** Extra node flags per server (--cpu-prof). */
  profiling: (name: 'app' | 'bare') => string[]
}

export async function startServers({ appDir, nextBin, appEnv, databaseUrl, captureOut, logDir, profiling }: ServerOptions): Promise<Servers> {
  const env: Env = {
    ...appEnv,
    DATABASE_URL: databaseUrl,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Nothing measured calls Back Market; env() still wants a URL. Port 9 (discard) refuses.
    BACKMARKET_API_URL: 'http://127.0.0.1:9',
    SERVICE_NAME: 'bench-app',
  }
  const startApp = async (name: string, processes: number, nodeFlags: string[]) => {
    const port = await freePort()
    const launcher = processes > 1 ? [path.join(ROOT, 'bench/lib/cluster-start.mjs')] : [nextBin, 'start']
    const proc = spawnLogged(name, process.execPath, [...nodeFlags, ...launcher, '-p', String(port), '-H', '127.0.0.1'], {
      cwd: appDir,
      env: { ...env, APP_PROCESSES: String(processes) },
      logDir,
    })
    return { proc, port }
  }
  const { proc: app, port: appPort } = await startApp('next-start', 1, profiling('app'))
  const barePort = await freePort()
  const bare = spawnLogged('bare-server', process.execPath, [...profiling('bare'), ...nodeTs(path.join(ROOT, 'bench/dashboard/bare-server.ts'))], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(barePort), DATABASE_URL: databaseUrl, BARE_CASES: captureOut },
    logDir,
  })
  await waitForHttp(appPort, '/api/health', 'next start', app)
  await waitForHttp(barePort, '/', 'the bare server', bare)
  const startAppN = async (processes: number): Promise<AppN> => {
    const started = await startApp(`next-start-x${processes}`, processes, [])
    await waitForAll(started.port, processes, `the app in ${processes} processes`, started.proc)
    return { ...started, processes }
  }
  return { app, appPort, bare, barePort, startAppN }
}

export async function waitForHttp(port: number, pathname: string, what: string, child: Proc, timeoutMs = 120_000): Promise<void> {
  const agent = newAgent(1)
  const deadline = Date.now() + timeoutMs
  try {
    while (Date.now() < deadline) {
      if (child.child.exitCode !== null) throw new Error(`${what} exited:\n${tail(child)}`)
      try {
        const r = await get(agent, port, pathname, '')
        if (r.status > 0 && r.status < 500) return
      } catch {
        // not listening yet
      }
      await sleep(250)
    }
  } finally {
    agent.destroy()
  }
  throw new Error(`${what} did not answer on ${port} within ${timeoutMs / 1000} s:\n${tail(child)}`)
}

/**
 * Every process of a cluster answers: the first to listen gets the connections until the others
 * are up, so waiting for one would measure a warming-up cluster. Fresh connections, until as many
 * different processes answered as were started (the health answer carries no pid: the app logs
 * "Ready" once per process).
 */
async function waitForAll(port: number, processes: number, what: string, child: Proc, timeoutMs = 120_000): Promise<void> {
  await waitForHttp(port, '/api/health', what, child, timeoutMs)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ready = (tail(child, 400).match(/Ready in/g) ?? []).length
    if (ready >= processes) return
    await sleep(250)
  }
  throw new Error(`${what}: only some processes started within ${timeoutMs / 1000} s:\n${tail(child)}`)
}

/**
 * The first cases of each kind answer 200 on both servers, and the app's answer matches what
 * capture saw (the latency loop then fails on any non-200).
 */
export async function checkAnswers(captured: CaptureOutput, { appPort, barePort }: Servers): Promise<void> {
  const check = newAgent(1)
  for (const c of (['exact', 'prefix', 'banner'] as const).flatMap((k) => captured.cases.filter((x) => x.kind === k).slice(0, 5))) {
    for (const [name, port] of [['app', appPort], ['bare', barePort]] as const) {
      const r = await getJson(check, port, c.path, cookieOf(c))
      if (r.status !== 200) throw new Error(`${name} ${c.path} for ${c.key}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`)
      if (name === 'app') verifyAnswer(c, r.body)
    }
  }
}

async function getJson(agent: ReturnType<typeof newAgent>, port: number, pathname: string, cookie: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, agent, headers: { cookie } }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (data += c))
      res.on('end', () => {
        let body: unknown = data
        try {
          body = JSON.parse(data)
        } catch {
          // not JSON: keep the text for the error message
        }
        resolve({ status: res.statusCode ?? 0, body })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

function verifyAnswer(c: CapturedCase, body: unknown): void {
  const b = body as { orders?: unknown[]; total?: number; errors?: unknown[]; state?: string }
  const got = c.kind === 'banner' ? { errors: b.errors?.length, state: b.state } : { orders: b.orders?.length, total: b.total }
  if (JSON.stringify(got) !== JSON.stringify(c.summary)) throw new Error(`${c.key}: the app answered ${JSON.stringify(got)}, capture saw ${JSON.stringify(c.summary)}`)
  if (c.kind === 'exact' && b.total !== 1) throw new Error(`${c.key}: an exact reference should match one order, got ${b.total}`)
}
