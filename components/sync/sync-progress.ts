// A re-sync's progress in the merchant's terms: which step it reached (queued → sent → accepted
// by Back Market → verified), whether it is waiting for an automatic retry, and when it failed,
// whether retrying can help and what blocks it. Pure, so the button and its tests share it.
import type { PreflightCheck } from '@/lib/sync/preflight-rules'
import type { SyncStatusView } from './api/get-sync'

export const SYNC_STEPS = ['queued', 'sent', 'accepted', 'verified'] as const
export type SyncStep = (typeof SYNC_STEPS)[number]

export type SyncPhase = SyncStep | 'retrying' | 'failed'

export type SyncProgress = {
  phase: SyncPhase
  /** Index in SYNC_STEPS of the last step reached. */
  reached: number
  /** When the next automatic attempt is due, while retrying. */
  retryAt: string | null
  /** After a failure: can retrying help? null when nobody could tell (no pre-flight). */
  canRetryHelp: boolean | null
  alreadyApplied: boolean
  blockers: PreflightCheck[]
}

type SyncFacts = Pick<SyncStatusView, 'status' | 'failure' | 'nextAttemptAt' | 'sentAt' | 'acceptedAt' | 'preflight'>

export function describeSync(sync: SyncFacts): SyncProgress {
  const blockers = sync.preflight?.checks.filter((c) => !c.ok) ?? []
  const base = { retryAt: null, canRetryHelp: null, alreadyApplied: false, blockers: [] as PreflightCheck[] }
  switch (sync.status) {
    case 'queued':
      // Back to the queue after a transient failure: the engine has scheduled the next attempt.
      if (sync.failure?.kind === 'transient') return { ...base, phase: 'retrying', reached: 0, retryAt: sync.nextAttemptAt }
      return { ...base, phase: 'queued', reached: 0 }
    case 'sent':
      return { ...base, phase: 'sent', reached: 1 }
    case 'accepted':
      return { ...base, phase: 'accepted', reached: 2 }
    case 'verified':
      return { ...base, phase: 'verified', reached: 3 }
    case 'failed': {
      // A dead letter ran out of automatic retries on a connection problem: once Back Market
      // answers, a retry can work even without a pre-flight saying so.
      const canRetryHelp = sync.preflight?.canRetryHelp ?? (sync.failure?.kind === 'dead' ? true : null)
      return {
        phase: 'failed',
        reached: sync.acceptedAt ? 2 : sync.sentAt ? 1 : 0,
        retryAt: null,
        canRetryHelp,
        alreadyApplied: sync.preflight?.alreadyApplied ?? false,
        blockers,
      }
    }
  }
}
