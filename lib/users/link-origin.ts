// Where one-time links point: APP_URL when set (the public address, whatever proxy is in front),
// else the site the admin is on — the Host the browser sent (Next's req.url says `localhost` under
// `next dev` whatever the browser typed), so links work at 127.0.0.1 and at localhost alike.
// X-Forwarded-Host is read only behind trusted proxies (TRUSTED_PROXY_COUNT > 0): without one, it
// is the client's own text and would let a request steer where an emailed link points.
import 'server-only'
import { env, mailEnv } from '@/lib/env'

export function linkOrigin(req: Request): string {
  const appUrl = mailEnv().APP_URL
  if (appUrl) return appUrl
  const { protocol, host: urlHost } = new URL(req.url)
  const forwarded = env().TRUSTED_PROXY_COUNT > 0 ? req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  for (const host of [forwarded, req.headers.get('host')?.trim(), urlHost]) {
    const origin = host ? originOf(`${protocol}//${host}`) : null
    if (origin) return origin
  }
  return new URL(req.url).origin
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value)
    return url.pathname === '/' && !url.search && !url.username && !url.password ? url.origin : null
  } catch {
    return null
  }
}
