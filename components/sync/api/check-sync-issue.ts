// POST /api/sync-issues/[id]/check: read Back Market again. Resolves the issue when the merchant
// fixed the order there by hand; otherwise the pre-flight says what still blocks it.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError, fetchJson } from '@/components/api/api-client'
import { backMarketOrderKeys } from '@/components/orders/api/get-backmarket-order'
import type { PreflightVerdict } from '@/lib/sync/preflight-rules'
import { refreshConnectionIssues } from './get-connection-issues'

export type CheckAnswer = { resolved: boolean; preflight: PreflightVerdict }
export type CheckInput = { issueId: string; reference: string | null }

/**
 * When a refused check may be tried again: the merchant's Back Market budget was taken by their
 * running syncs for longer than a check waits (429 with details.retryAt). Null for other failures.
 */
export function checkRetryAt(err: unknown): Date | null {
  if (!(err instanceof ApiError) || err.code !== 'rate_limited') return null
  const at = (err.details as { retryAt?: unknown } | undefined)?.retryAt
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? new Date(at) : null
}

export function checkSyncIssue({ issueId }: CheckInput): Promise<CheckAnswer> {
  return fetchJson<CheckAnswer>(`/api/sync-issues/${encodeURIComponent(issueId)}/check`, { method: 'POST' })
}

export function useCheckSyncIssue({ onSuccess }: { onSuccess?: (answer: CheckAnswer, input: CheckInput) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: checkSyncIssue,
    onSuccess: async (answer, input) => {
      await Promise.all([
        refreshConnectionIssues(),
        // Back Market was just read: its view of the order on screen is out of date.
        input.reference ? queryClient.invalidateQueries({ queryKey: backMarketOrderKeys.detail(input.reference) }) : null,
      ])
      onSuccess?.(answer, input)
    },
  })
}
