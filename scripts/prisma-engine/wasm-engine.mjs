// The WebAssembly schema engine from @prisma/schema-engine-wasm, and the panic messages it reports.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export async function loadWasmEngine() {
  // The package's entry imports the .wasm as an ES module, which Node 20 can't do
  // without a flag: instantiate it ourselves and hand it to the generated glue.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const bg = await import(gluePath)
  const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'))
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg })
  bg.__wbg_set_wasm(instance.exports)
  instance.exports.__wbindgen_start?.()
  return bg
}

// A Rust panic calls PRISMA_WASM_PANIC_REGISTRY.set_message before the wasm traps;
// without this global the trap surfaces as an unrelated TypeError.
let lastPanic = null
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanic = message
  },
}

/** The message of the last Rust panic, if any since the last `clearPanic()`. */
export const lastPanicMessage = () => lastPanic
export const clearPanic = () => {
  lastPanic = null
}
