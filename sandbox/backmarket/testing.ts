// Test helpers: one sandbox on a free port per test file (each test still uses its own token).
import { afterAll, beforeAll } from 'vitest'
import { type Sandbox, type SandboxOptions, startSandbox } from './server'

export * from './testing-client'

/** One sandbox per test file, closed after it; each test still uses its own token. */
export function setupSandbox(opts: SandboxOptions = {}): () => Sandbox {
  let sb: Sandbox | undefined
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, ...opts })
  })
  afterAll(async () => {
    await sb?.close()
  })
  return () => {
    if (!sb) throw new Error('sandbox not started yet')
    return sb
  }
}

/** A sandbox of the test's own (faults are global to a sandbox), closed when `fn` is done. */
export async function withOwnSandbox<T>(fn: (sb: Sandbox) => Promise<T>, opts: SandboxOptions = {}): Promise<T> {
  const sb = await startSandbox({ port: 0, ...opts })
  try {
    return await fn(sb)
  } finally {
    await sb.close()
  }
}
