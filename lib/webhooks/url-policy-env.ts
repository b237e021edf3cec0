// The URL policy this process runs under. It fails closed: https and no loopback unless
// WEBHOOK_ALLOW_LOOPBACK is set (scripts/dev.ts sets it for the stacks it starts, whose receivers
// run on this machine) or the raw NODE_ENV is 'test' (vitest). Not env().NODE_ENV: it defaults to
// 'development', and the worker is started in production without NODE_ENV.
import { env } from '@/lib/env'
import type { UrlPolicy } from './url-policy'

/** The policy for a process whose raw NODE_ENV and WEBHOOK_ALLOW_LOOPBACK are these. */
export function urlPolicyFor(opts: { rawNodeEnv: string | undefined; allowLoopback: boolean }): UrlPolicy {
  const relaxed = opts.allowLoopback || opts.rawNodeEnv === 'test'
  return { requireHttps: !relaxed, allowLoopback: relaxed }
}

export function webhookUrlPolicy(): UrlPolicy {
  return urlPolicyFor({ rawNodeEnv: process.env.NODE_ENV, allowLoopback: env().WEBHOOK_ALLOW_LOOPBACK })
}
