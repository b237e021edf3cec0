// Logging in the native engine's format.
import { appendFileSync } from 'node:fs'

// The CLI reads every stderr line as a JSON log {level, target, fields}; it keeps
// the last ERROR's fields (message, error_code) for its error output.
// The CLI swallows that stderr; set PRISMA_ENGINE_LOG=<file> to keep a copy
// (with the JSON-RPC traffic) when debugging.
const traceFile = process.env.PRISMA_ENGINE_LOG
export const trace = (line) => traceFile && appendFileSync(traceFile, `[${process.pid}] ${line}\n`)
export function log(level, message, extra = {}) {
  const line = JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: 'schema_engine::logger',
  })
  trace(line)
  process.stderr.write(line + '\n')
}
