// "Test connection": what a merchant's token and our User-Agent can do on Back Market, as four
// checks, each ok or exactly what failed (the status and Back Market's own words). Two reads of
// one item each (an order page, a listing page) prove them; the token and the User-Agent are
// judged from how those answers came back, since Back Market has no endpoint that checks either.
import type { BackMarketClient } from './client'
import { BackMarketError, type BackMarketErrorKind } from './errors'

export const CONNECTION_CHECKS = ['token', 'userAgent', 'orders', 'listings'] as const
export type ConnectionCheckName = (typeof CONNECTION_CHECKS)[number]

/** What Back Market answered, never the token: its status, our kind for it, its message. */
export type CheckFailure = { status: number | null; kind: BackMarketErrorKind; message: string; requestId: string | null }

/** Why a check was not made: an earlier refusal stood in the way, or Back Market could not be reached. */
export type SkipReason = 'token_refused' | 'user_agent_refused' | 'unreachable'

export type ConnectionCheck =
  /** `warning`: it passed, but Back Market's answer did not read as documented (shown, never blocking). */
  | { name: ConnectionCheckName; status: 'ok'; warning?: CheckFailure }
  | { name: ConnectionCheckName; status: 'failed'; failure: CheckFailure }
  | { name: ConnectionCheckName; status: 'skipped'; reason: SkipReason }

export type ConnectionTestResult = { ok: boolean; checks: ConnectionCheck[] }

/** How one answer bears on the token and the User-Agent. */
type Verdict = 'ok' | 'answered' | 'user_agent_refused' | 'token_refused' | 'unreachable'

/**
 * A 403 is the firewall (Cloudflare's HTML page or its bot challenge, docs/backmarket.md §1.2) or a
 * refusal naming the User-Agent when it judged the caller, not the account; any other 403 is the
 * account refusing the token (no rights, ingestion channel disabled), like a 401.
 */
export function isUserAgentRefusal(err: BackMarketError): boolean {
  return err.kind === 'forbidden' && (err.html || err.bmCode === 'bot-need-challenge' || err.target === 'User-Agent')
}

/** A 401, or a 403 that is not the firewall: Back Market does not accept this token. */
export function isTokenRefusal(err: unknown): err is BackMarketError {
  return err instanceof BackMarketError && refusesToken(err)
}

/**
 * Whether a refusal says the token itself is refused (what marks the merchant's token refused and
 * raises the banner): a 401 on any call, or a non-firewall 403 to a read (an import, a test, a
 * read-back). A 403 to a write may be about that one order or SKU (rights on one action, a
 * channel rule): it stays the task's own CREDENTIALS issue, so one write does not make the token
 * flap between refused and accepted as reads keep succeeding.
 */
export function refusesTokenEverywhere(err: unknown): err is BackMarketError {
  if (!isTokenRefusal(err)) return false
  return err.kind === 'unauthorized' || (err.method ?? 'GET').toUpperCase() === 'GET'
}

function refusesToken(err: BackMarketError): boolean {
  return err.kind === 'unauthorized' || (err.kind === 'forbidden' && !isUserAgentRefusal(err))
}

function verdictOf(err: unknown): Verdict {
  if (!(err instanceof BackMarketError)) throw err
  if (isUserAgentRefusal(err)) return 'user_agent_refused'
  if (refusesToken(err)) return 'token_refused'
  if (err.kind === 'network' || err.kind === 'timeout' || err.kind === 'server' || err.kind === 'rate_limited') return 'unreachable'
  // A 404, a 400 or an answer we cannot read came from Back Market's application: it let us in.
  return 'answered'
}

function failureOf(err: BackMarketError, secret: string | undefined): CheckFailure {
  // Back Market does not echo tokens; should an answer ever do, it must not reach the screen.
  const message = secret && secret.length >= 4 ? err.message.split(secret).join('…') : err.message
  return { status: err.status ?? null, kind: err.kind, message, requestId: err.requestId ?? null }
}

type Call = { verdict: Verdict; error: BackMarketError | null } | null

/** A 2xx JSON answer our schema could not read. */
function unreadableApiAnswer(err: BackMarketError | null | undefined): boolean {
  return !!err && err.kind === 'bad_response' && !err.html && err.status !== undefined && err.status >= 200 && err.status <= 299
}

async function attempt(read: () => Promise<unknown>): Promise<Call> {
  try {
    await read()
    return { verdict: 'ok', error: null }
  } catch (err) {
    const verdict = verdictOf(err)
    return { verdict, error: err as BackMarketError }
  }
}

/** `secret`: the token being tested, scrubbed from any message shown. */
export async function checkConnection(client: BackMarketClient, opts: { secret?: string } = {}): Promise<ConnectionTestResult> {
  const orders = await attempt(() => client.listOrders({ pageSize: 1 }))
  // Refused at the door: another read would be refused the same way and spend budget for nothing.
  const stopped = orders?.verdict === 'token_refused' || orders?.verdict === 'user_agent_refused'
  const listings = stopped ? null : await attempt(() => client.listListings({ pageSize: 1 }))
  const calls = [orders, listings].filter((c): c is NonNullable<Call> => c !== null)
  const proved = calls.some((c) => c.verdict === 'ok' || c.verdict === 'answered')
  const uaRefused = calls.find((c) => c.verdict === 'user_agent_refused')
  const tokenRefused = calls.find((c) => c.verdict === 'token_refused')

  const token: ConnectionCheck = proved
    ? { name: 'token', status: 'ok' }
    : tokenRefused?.error
      ? { name: 'token', status: 'failed', failure: failureOf(tokenRefused.error, opts.secret) }
      : { name: 'token', status: 'skipped', reason: uaRefused ? 'user_agent_refused' : 'unreachable' }
  // The sandbox, like any server, may judge the token before the User-Agent: after a token refusal
  // nothing says the User-Agent would pass.
  const userAgent: ConnectionCheck = uaRefused?.error
    ? { name: 'userAgent', status: 'failed', failure: failureOf(uaRefused.error, opts.secret) }
    : proved
      ? { name: 'userAgent', status: 'ok' }
      : { name: 'userAgent', status: 'skipped', reason: tokenRefused ? 'token_refused' : 'unreachable' }

  const readCheck = (name: 'orders' | 'listings', call: Call): ConnectionCheck => {
    if (call?.verdict === 'ok') return { name, status: 'ok' }
    // The listings page answered 2xx with the token, but in a shape our schema does not read (Back
    // Market adds or changes fields): access is proved, and the sync reads listings one SKU at a
    // time, not this page. A warning, never a refusal of a working token. An HTML page is not
    // Back Market's API answering, and an unreadable orders page would break every import.
    if (name === 'listings' && unreadableApiAnswer(call?.error)) return { name, status: 'ok', warning: failureOf(call!.error!, opts.secret) }
    // Its refusal is already the token's or the User-Agent's failure, said once above.
    if (!call || call.verdict === 'user_agent_refused' || (call.verdict === 'token_refused' && !proved)) {
      return { name, status: 'skipped', reason: uaRefused ? 'user_agent_refused' : 'token_refused' }
    }
    return { name, status: 'failed', failure: failureOf(call.error!, opts.secret) }
  }
  const checks = [token, userAgent, readCheck('orders', orders), readCheck('listings', listings)]
  return { ok: checks.every((c) => c.status === 'ok'), checks }
}
