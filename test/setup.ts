// Per-file test setup: a test environment that boots like production (validated env), and a
// console.error that fails the test, because an error nobody asserted on is a bug.
import { afterEach, beforeEach, vi } from 'vitest'

Object.assign(process.env, { NODE_ENV: 'test' })
process.env.TOKEN_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64')
process.env.BACKMARKET_API_URL ??= 'http://127.0.0.1:9'

let errors: unknown[][] = []
beforeEach(() => {
  errors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args)
  })
})
afterEach(() => {
  vi.mocked(console.error).mockRestore()
  if (errors.length) throw new Error(`console.error was called:\n${errors.map((a) => a.map(String).join(' ')).join('\n')}`)
})
