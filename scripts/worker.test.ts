// The worker process refuses to start on a bad variable, saying which (it used to read
// SYNC_CONCURRENCY=8x as NaN and run with no sync handler at all).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'

test('a worker with SYNC_CONCURRENCY=8x exits at boot naming the variable', async () => {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('scripts/worker.ts')], {
    env: { ...process.env, SYNC_CONCURRENCY: '8x', LOG_LEVEL: 'fatal', SERVICE_NAME: 'worker' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
  try {
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(out).toContain('worker failed to start')
    expect(out).toContain('SYNC_CONCURRENCY: must be a whole number from 1 to 1000')
  } finally {
    child.kill('SIGKILL')
  }
}, 30_000)
