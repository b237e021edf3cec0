// POST /api/backmarket-connection/test: the four checks with the token typed in (or the saved one).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { ConnectionTestResult } from '../status-view'

export type TestConnectionInput = { token?: string; markets: string[] }

export function testConnection(body: TestConnectionInput): Promise<{ test: ConnectionTestResult }> {
  return fetchJson('/api/backmarket-connection/test', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useTestConnection({ onSuccess }: { onSuccess?: (answer: { test: ConnectionTestResult }) => void } = {}) {
  return useCall(testConnection, { onSuccess: (answer) => onSuccess?.(answer) })
}
