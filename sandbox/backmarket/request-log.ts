// Every /ws/ request as Back Market would have received it, so tests can count real calls
// (e.g. "exactly one accept was sent"). Capped: a long dev session must not grow without bound.
// Credentials are never stored (redact.ts): the log is served by the control API.
import { tokenId } from './redact'

export interface LoggedRequest {
  at: string
  method: string
  path: string
  /** The token's fingerprint (redact.ts tokenId), never the token. */
  tokenId: string | null
  /** As received, credentials (Authorization, Cookie) replaced by "[redacted]". */
  headers: Record<string, string>
  /** null while in flight, and forever for a request held by the timeout fault. */
  status: number | null
  body: unknown
}

export interface RequestLog {
  add(entry: Omit<LoggedRequest, 'status' | 'body'>): LoggedRequest
  list(filter: { token?: string; since?: number }): LoggedRequest[]
  clear(): void
}

export function createRequestLog(cap = 50_000): RequestLog {
  let entries: LoggedRequest[] = []
  return {
    add(e) {
      const entry: LoggedRequest = { ...e, status: null, body: null }
      entries.push(entry)
      // Trim in chunks so the cost of the splice is amortised.
      if (entries.length > cap * 1.1) entries = entries.slice(-cap)
      return entry
    },
    list({ token, since }) {
      const kept = entries.length > cap ? entries.slice(-cap) : entries
      const id = token === undefined ? undefined : tokenId(token)
      return kept.filter((e) => (id === undefined || e.tokenId === id) && (since === undefined || Date.parse(e.at) >= since))
    },
    clear() {
      entries = []
    },
  }
}
