#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary (see
// docs/decisions/0001-prisma-offline-schema-engine.md). The Prisma CLI runs it
// through PRISMA_SCHEMA_ENGINE_BINARY; it speaks the CLI's protocol and
// delegates the real work to the WebAssembly engine from
// @prisma/schema-engine-wasm, which talks to PostgreSQL through @prisma/adapter-pg.
//
// Two modes, like the native binary:
//   schema-engine [--datamodels <path>]... [--datasource <json>]   JSON-RPC over stdin/stdout
//   schema-engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
//   schema-engine --version
import { dropLeftoverShadows } from './adapter.mjs'
import { runCli } from './cli-mode.mjs'
import { log } from './log.mjs'
import { splitUrl } from './postgres.mjs'
import { runServer } from './rpc-server.mjs'
import { lastPanicMessage, loadWasmEngine } from './wasm-engine.mjs'

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined, version: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--datamodels') out.datamodels.push(argv[++i])
    else if (a === '--datasource') out.datasource = JSON.parse(argv[++i])
    else if (a === '--enabled-preview-features' || a === '--extension-types') i++ // not used by the WASM engine
    else if (a === '--version' || a === '-V') out.version = true
    else if (a === 'cli') out.cli = argv[++i]
  }
  return out
}

// A panic inside a WASM future surfaces as an uncaught RuntimeError, not as a
// rejection of the pending call: report it the way the native engine does
// (ERROR log with the panic message, exit code 101 = "[EXIT_PANIC]" in the CLI).
process.on('uncaughtException', (e) => {
  log('ERROR', lastPanicMessage() ?? e?.message ?? String(e), { is_panic: true, backtrace: e?.stack })
  shutdown(101)
})
// The CLI ends stdin and SIGTERMs us right away when it is done.
process.on('SIGTERM', () => shutdown(0))

let shuttingDown = false
async function shutdown(code = 0) {
  if (shuttingDown) return
  shuttingDown = true
  if (parsed.datasource?.url) await dropLeftoverShadows(splitUrl(parsed.datasource.url).connectionString)
  process.exit(code)
}

// ---------------------------------------------------------------- main
const parsed = parseArgs(process.argv.slice(2))
if (parsed.version) {
  const wasm = await loadWasmEngine()
  process.stdout.write(`schema-engine-cli ${wasm.version()} (wasm)\n`)
} else if (parsed.cli) {
  process.exitCode = await runCli(parsed.cli, parsed.datasource)
} else {
  await runServer(parsed, shutdown)
}
