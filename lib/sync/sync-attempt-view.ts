// What GET /api/sync-attempts/[id] answers and the raw-answer panel renders: one call we made to
// Back Market and its answer as received. JSON-shaped (dates as ISO strings) so the browser can
// type the response without a second schema.
export type SyncAttemptRawView = {
  id: string
  at: string
  method: string
  path: string
  requestSummary: unknown
  httpStatus: number | null
  outcome: string
  errorKind: string | null
  message: string | null
  bmError: unknown
}
