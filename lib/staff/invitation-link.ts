// Where the onboarded admin's invitation link points: APP_URL when set (links in emails must name
// the public site), else the site the staff user's request was addressed to.
import { mailEnv } from '@/lib/env'
import { requestOrigins } from '@/lib/http/same-origin'
import { oneTimeLinkUrl } from '@/lib/users/one-time-link'

export function invitationLink(req: Request, token: string): string {
  const origin = mailEnv().APP_URL ?? requestOrigins(req.url, req.headers)[0] ?? new URL(req.url).origin
  return oneTimeLinkUrl(origin, 'INVITATION', token)
}
