// The audit's "from where" for a request: the client's exact address behind the trusted proxies
// (not the throttle's /64 key) and the browser's User-Agent (cut to what the audit keeps).
import { requestExactAddress } from '@/lib/auth/client-address'
import type { RequestOrigin } from '@/lib/auth/get-session-from-token'

export function requestOrigin(headers: { get(name: string): string | null }): RequestOrigin {
  return { ipAddress: requestExactAddress(headers), userAgent: headers.get('user-agent')?.slice(0, 300) ?? null }
}
