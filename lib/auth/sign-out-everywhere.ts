// "Sign out everywhere": ends every session of one user (every browser and device), for a lost
// laptop or a password seen over a shoulder. Other users, even of the same merchant, keep theirs.
import 'server-only'
import { db } from '@/lib/db'
import { endSessionsInTx } from './end-sessions'

export async function signOutEverywhere({ userId }: { userId: string }): Promise<{ ended: number }> {
  const ended = await db.$transaction((tx) => endSessionsInTx(tx, { where: { userId }, reason: 'signed_out_everywhere' }))
  return { ended }
}
