// What an import run keeps of the error that ended it: a code (Back Market's kind of failure, or
// ours) and the HTTP status, never the raw message — that may be English, internal (ECONNREFUSED,
// a stack's words) or Back Market's own text, and goes to the log only. Settings → Back Market
// says the code in the reader's language (bmConnection.imports.errors).
import { BackMarketError, type BackMarketErrorKind } from '@/lib/backmarket/errors'

export const IMPORT_ERROR_CODES = [
  'not_found',
  'invalid_transition',
  'validation',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'server',
  'timeout',
  'network',
  'bad_response',
  'internal',
  'unknown',
] as const satisfies readonly (BackMarketErrorKind | 'internal' | 'unknown')[]
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]

export type ImportError = { code: ImportErrorCode; status: number | null }

/** The column's value: `<code>` or `<code>:<status>`. */
export function importErrorColumn(err: unknown): string {
  if (!(err instanceof BackMarketError)) return 'internal'
  return err.status ? `${err.kind}:${err.status}` : err.kind
}

/** Reads the column back; a run recorded before codes (its English message) is `unknown`. */
export function parseImportError(stored: string | null): ImportError {
  const m = /^([a-z_]+)(?::(\d{3}))?$/.exec(stored ?? '')
  const code = IMPORT_ERROR_CODES.find((c) => c === m?.[1])
  return code ? { code, status: m?.[2] ? Number(m[2]) : null } : { code: 'unknown', status: null }
}
