// Tests run the resume job (connection/resume-held-tasks.ts) as a worker would: the one a token
// saved or accepted queued for the merchant, taken from pg-boss's table and marked done.
import { db } from '@/lib/db'
import { resumeConnectionWork, type ResumeJob } from '../connection/resume-held-tasks'
import { QUEUES } from '../queue'

/** Null when no resume is queued for the merchant. */
export async function runQueuedResume(merchantId: string): Promise<{ resumed: number; resent: number; job: ResumeJob } | null> {
  const [job] = await db.$queryRaw<{ id: string; data: ResumeJob }[]>`
    UPDATE pgboss.job SET state = 'completed', completed_on = now()
     WHERE name = ${QUEUES.resumeHeld} AND singleton_key = ${merchantId} AND state = 'created'
    RETURNING id, data`
  if (!job) return null
  return { ...(await resumeConnectionWork(job.data)), job: job.data }
}
