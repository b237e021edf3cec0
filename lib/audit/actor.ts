// Who made a change, as the audit records it. Built once per request from the session or the API
// key (lib/auth, lib/api-v1) or by the worker, and handed down to the operation that writes.
export type AuditActorKind = 'USER' | 'STAFF' | 'API_KEY' | 'WORKER' | 'SYSTEM'

export type AuditActor = {
  kind: AuditActorKind
  /** User id, API key id, or the worker's job name; null for SYSTEM. */
  id: string | null
  /** As shown in the audit: "Anna Martin <anna@…>", "bmk_live_Ab12… (ERP)", "worker". */
  name: string
  /** Where the request came from (client address behind the trusted proxies), when there was one. */
  ipAddress?: string | null
  userAgent?: string | null
}

/** The worker acting on its own (a webhook endpoint disabled, a token found refused). */
export function workerActor(job: string): AuditActor {
  return { kind: 'WORKER', id: job, name: `worker (${job})` }
}

/** The user id to keep on rows that record who did something (requestedById, dismissedById…): only people. */
export function actorUserId(actor: AuditActor): string | null {
  return actor.kind === 'USER' || actor.kind === 'STAFF' ? actor.id : null
}
