#!/usr/bin/env node
// Runs the Prisma CLI with our WebAssembly-backed schema engine, so that no
// command tries to download the native engine from Prisma's binary host
// (see docs/decisions/0001-prisma-offline-schema-engine.md).
// Usage: node scripts/prisma.mjs <prisma args...>
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = {
  ...process.env,
  // An explicitly set engine (e.g. a real native binary) wins.
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? join(root, 'scripts/prisma-engine/schema-engine.mjs'),
  CHECKPOINT_DISABLE: '1',
}
const child = spawn(join(root, 'node_modules/.bin/prisma'), process.argv.slice(2), { stdio: 'inherit', env })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
