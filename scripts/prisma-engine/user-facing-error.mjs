// The engine's errors as the CLI shows them ({is_panic, message, meta, error_code}).
import { clearPanic, lastPanicMessage } from './wasm-engine.mjs'

// Errors thrown by the WASM engine carry the user-facing error as JSON in
// their message ({is_panic, message, meta, error_code}) or as fields.
// JS errors thrown inside the adapter reach the engine as "External error id#N";
// the original is kept in the bound factory's errorRegistry.
let externalErrors = null
/** The bound adapter factory's errorRegistry, where the originals of external errors are kept. */
export function setExternalErrors(registry) {
  externalErrors = registry
}
const explainExternal = (msg) =>
  msg.replace(/External error id#(\d+)/g, (m, id) => {
    const entry = externalErrors?.consumeError?.(Number(id))
    return entry?.error?.message ?? m
  })

export function toUserFacing(e) {
  if (e && typeof e === 'object' && ('error_code' in e || 'is_panic' in e) && 'message' in e) return e
  const msg = explainExternal(e?.message ?? String(e))
  // SchemaConnectorError: the Prisma error code is in `code`; the message ends with
  // a span trace ("   0: schema_engine_wasm::...") that the native engine doesn't show.
  if (e?.name === 'SchemaConnectorError' || /^P\d{4}$/.test(e?.code ?? '')) {
    return {
      is_panic: false,
      message: msg.replace(/\n\s+0: \w+::[\s\S]*$/, ''),
      meta: e.meta ?? null,
      error_code: /^P\d{4}$/.test(e?.code ?? '') ? e.code : null,
    }
  }
  try {
    const parsed = JSON.parse(msg)
    if (parsed && typeof parsed === 'object' && 'message' in parsed) return parsed
  } catch {}
  if (e instanceof WebAssembly.RuntimeError || lastPanicMessage()) {
    const m = lastPanicMessage() ?? msg
    clearPanic()
    return { is_panic: true, message: m, backtrace: e?.stack ?? null }
  }
  return { is_panic: false, message: msg, meta: null, error_code: null }
}

export const isMissingMigrationsTable = (uf) =>
  uf?.error_code === 'P1014' && /_prisma_migrations/.test(JSON.stringify(uf))
