// "Sign out everywhere": ends every session of one user (every browser and device), for a lost
// laptop or a password seen over a shoulder. Other users, even of the same merchant, keep theirs.
import 'server-only'
import { db } from '@/lib/db'

export async function signOutEverywhere({ userId }: { userId: string }): Promise<{ ended: number }> {
  const { count } = await db.session.deleteMany({ where: { userId } })
  return { ended: count }
}
