// The sandbox as a process: `tsx sandbox/backmarket/main.ts`. Port and state file from the
// environment (SANDBOX_PORT, SANDBOX_STATE_FILE); state flushed on SIGINT / SIGTERM.
import path from 'node:path'
import { startSandbox } from './server'

const port = Number(process.env.SANDBOX_PORT ?? 4010)
const stateFile = path.resolve(process.env.SANDBOX_STATE_FILE ?? '.data/sandbox/state.json')

const allowedHosts = (process.env.SANDBOX_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean)
const sandbox = await startSandbox({ port, host: process.env.SANDBOX_HOST ?? '127.0.0.1', stateFile, allowedHosts })
console.log(`Back Market sandbox listening on ${sandbox.url} (state: ${stateFile})`)

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: flushing state and stopping`)
  try {
    await sandbox.close()
    process.exit(0)
  } catch (err) {
    console.error('Sandbox did not stop cleanly', err)
    process.exit(1)
  }
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
