// Ends a session (sign-out). Idempotent: signing out twice is not an error.
import 'server-only'
import { db } from '@/lib/db'
import { endSessionsInTx } from './end-sessions'

export async function deleteSession({ sessionId }: { sessionId: string }): Promise<void> {
  await db.$transaction((tx) => endSessionsInTx(tx, { where: { id: sessionId }, reason: 'signed_out' }))
}
