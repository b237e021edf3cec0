// Where one-time links point: APP_URL when set (the public address, whatever proxy is in front),
// else the site the admin is on — the first origin the request was addressed to (Host or
// X-Forwarded-Host, as the same-origin check reads it; Next's req.url says `localhost` under
// `next dev` whatever the browser typed), so links work at 127.0.0.1 and at localhost alike.
import 'server-only'
import { mailEnv } from '@/lib/env'
import { requestOrigins } from '@/lib/http/same-origin'

export function linkOrigin(req: Request): string {
  return mailEnv().APP_URL ?? requestOrigins(req.url, req.headers)[0] ?? new URL(req.url).origin
}
