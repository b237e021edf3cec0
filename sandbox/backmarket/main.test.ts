import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

test.each(['SIGTERM', 'SIGINT'] as const)('the process logs its URL and flushes state on %s', async (signal) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bm-sandbox-main-'))
  const stateFile = path.join(dir, 'state.json')
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_STATE_FILE: stateFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /listening on (http:\/\/\S+)/.exec(out)
        if (m?.[1]) resolve(m[1])
      })
      child.once('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)))
    })
    const res = await fetch(`${url}/__sandbox/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'main-test', order_id: 41_234_567, lines: [{ sku: 'FLUSHED' }] }),
    })
    expect(res.status).toBe(201)
    // Signal at once, inside the write throttle window: only the shutdown flush can save it.
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill(signal)
    expect(await exited).toBe(0)
    expect(await readFile(stateFile, 'utf8')).toContain('41234567')
  } finally {
    child.kill('SIGKILL')
    await rm(dir, { recursive: true, force: true })
  }
})
