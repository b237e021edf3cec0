// The URL policy this process runs under: https and no loopback in production; http and loopback
// allowed in development and tests, where receivers run on this machine.
import { env } from '@/lib/env'
import type { UrlPolicy } from './url-policy'

export function webhookUrlPolicy(): UrlPolicy {
  const e = env()
  const production = e.NODE_ENV === 'production'
  return { requireHttps: production, allowLoopback: !production || e.WEBHOOK_ALLOW_LOOPBACK }
}
