// Where one-time links point: APP_URL when set (a proxy may hide the public address), else the
// site as the admin reached it, so links work at 127.0.0.1 and at localhost alike.
import 'server-only'
import { mailEnv } from '@/lib/env'

export function linkOrigin(req: Request): string {
  return mailEnv().APP_URL ?? new URL(req.url).origin
}
