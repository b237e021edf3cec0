// The life of a sync issue, as data: open → retrying → resolved, or dismissed by a person.
// Resolved and dismissed are final: a later failure of the same thing opens a new issue.
import type { SyncIssueStatus } from '@/lib/generated/prisma/enums'

export type IssueResolution = 'success' | 'read_back' | 'merchant_fix'

const TRANSITIONS: Record<SyncIssueStatus, readonly SyncIssueStatus[]> = {
  OPEN: ['RETRYING', 'RESOLVED', 'DISMISSED', 'OPEN'],
  RETRYING: ['OPEN', 'RESOLVED', 'DISMISSED', 'RETRYING'],
  RESOLVED: [],
  DISMISSED: [],
}

export const ACTIVE_ISSUE_STATUSES: readonly SyncIssueStatus[] = ['OPEN', 'RETRYING']

export function canTransitionIssue(from: SyncIssueStatus, to: SyncIssueStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** A failure seen again: retrying while automatic retries are scheduled, open once they stop. */
export function statusAfterFailure(retryScheduled: boolean): SyncIssueStatus {
  return retryScheduled ? 'RETRYING' : 'OPEN'
}
