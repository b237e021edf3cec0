// bench/lib/cluster-start.mjs: a bad APP_PROCESSES is refused at boot, naming it; and a
// launcher whose processes keep exiting restarts them, then gives up with a failure its supervisor
// sees, instead of restarting forever. (`next start --version` stands in for a process that exits
// at once: no build needed.)
import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'

function runStart(env: Record<string, string>, args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [path.resolve('bench/lib/cluster-start.mjs'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })))
}

test('APP_PROCESSES=two is refused at boot, naming the variable', async () => {
  const { code, out } = await runStart({ APP_PROCESSES: 'two' }, [])
  expect(code).toBe(1)
  expect(out).toContain('APP_PROCESSES must be a whole number from 1 to 64, got "two"')
})

test('one process is next start itself, its exit code the launcher’s', async () => {
  const { code, out } = await runStart({ APP_PROCESSES: '1' }, ['--version'])
  expect(code).toBe(0)
  expect(out).toMatch(/Next\.js v16\./)
  expect(out).not.toContain('[start]')
}, 30_000)

test('processes that keep exiting are restarted, then the launcher gives up with exit code 1', async () => {
  const { code, out } = await runStart({ APP_PROCESSES: '2' }, ['--version'])
  expect(code).toBe(1)
  // Two started, five restarts allowed in a minute; the sixth exit stops it.
  expect(out.match(/starting another/g)).toHaveLength(5)
  expect(out).toContain('[start] app processes exited 6 times in a minute; stopping')
}, 60_000)
