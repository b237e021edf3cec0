// POST /api/sync-issues/[id]/dismiss and POST /api/sync-issues/dismiss: close one issue, or
// several with one reason, without a fix. The banner's counts change, so it is refetched.
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'
import type { BulkDismissResult } from '@/lib/sync/dismiss-input'
import { refreshConnectionIssues } from './get-connection-issues'
export type DismissInput = { issueIds: string[]; reason: string }

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

export async function dismissSyncIssues({ issueIds, reason }: DismissInput): Promise<{ results: BulkDismissResult[] }> {
  const [only] = issueIds
  // One issue goes through its own route, which answers a clear 409 when it is already closed.
  if (only !== undefined && issueIds.length === 1) {
    await fetchJson(`/api/sync-issues/${encodeURIComponent(only)}/dismiss`, json({ reason }))
    return { results: [{ issueId: only, dismissed: true, error: null }] }
  }
  return fetchJson<{ results: BulkDismissResult[] }>('/api/sync-issues/dismiss', json({ issueIds, reason }))
}

export function useDismissSyncIssues({ onSuccess }: { onSuccess?: (answer: { results: BulkDismissResult[] }) => void } = {}) {
  return useMutation({
    mutationFn: dismissSyncIssues,
    onSuccess: async (answer) => {
      await refreshConnectionIssues()
      onSuccess?.(answer)
    },
  })
}
