// One Back Market sandbox for an integration test file: the real sandbox server on a free port,
// over real HTTP, that every client our code builds from a merchant talks to; closed after the file.
import { afterAll } from 'vitest'
import { startSandbox, type Sandbox } from '@/sandbox/backmarket/server'
import { SandboxControl } from '@/scripts/lib/sandbox-control'

/**
 * Await it at the top of the test file: the sandbox is up and BACKMARKET_API_URL names it before
 * any test runs (and before app modules imported after it read the environment). The previous
 * URL is put back after the file. Each test still makes its own seller (a fresh token).
 */
export async function startBackMarketSandbox(): Promise<{ sandbox: Sandbox; control: SandboxControl }> {
  const sandbox = await startSandbox({ port: 0 })
  const previousUrl = process.env.BACKMARKET_API_URL
  process.env.BACKMARKET_API_URL = sandbox.url
  afterAll(async () => {
    process.env.BACKMARKET_API_URL = previousUrl
    await sandbox.close()
  })
  return { sandbox, control: new SandboxControl(sandbox.url) }
}
