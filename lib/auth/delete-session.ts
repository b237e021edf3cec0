// Ends a session (sign-out). Idempotent: signing out twice is not an error.
import 'server-only'
import { db } from '@/lib/db'

export async function deleteSession({ sessionId }: { sessionId: string }): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } })
}
