// PUT /api/backmarket-connection: test the token, then save it. A token that fails is a 422 whose
// details hold the checks (nothing saved).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { ConnectionStatusView, ConnectionTestResult } from '../status-view'

export type SaveConnectionAnswer = { test: ConnectionTestResult; status: ConnectionStatusView }

export function saveConnection(body: { token: string; markets: string[] }): Promise<SaveConnectionAnswer> {
  return fetchJson('/api/backmarket-connection', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useSaveConnection({ onSuccess }: { onSuccess?: (answer: SaveConnectionAnswer) => void } = {}) {
  return useCall(saveConnection, { onSuccess: (answer) => onSuccess?.(answer) })
}
