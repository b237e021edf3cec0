// A recorded event's state and outcome as the API shows them (stored upper-case, shown lower-case).
import type { WarehouseEventState } from '@/lib/generated/prisma/enums'
import type { EventOutcome, EventState } from './event-results'

export type StoredOutcome = {
  /** A WarehouseEventState; raw queries read it as text. */
  state: WarehouseEventState | (string & {})
  outcomeCode: string | null
  outcomeMessage: string | null
  outcomeParams: unknown
}

export function toEventState(state: StoredOutcome['state']): EventState {
  return state.toLowerCase() as EventState
}

export function toOutcome(row: StoredOutcome): EventOutcome | undefined {
  if (!row.outcomeCode) return undefined
  const params = row.outcomeParams !== null && typeof row.outcomeParams === 'object' ? (row.outcomeParams as Record<string, unknown>) : undefined
  return { code: row.outcomeCode, message: row.outcomeMessage ?? '', ...(params ? { params } : {}) }
}
