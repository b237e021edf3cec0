// When a failed delivery is tried again. Quick retries first (a receiver restarting), then hours
// apart (a receiver down for the night), for 72 hours after the message: the schedule sums to
// 71 h 35 min, so the last try still falls inside the window.
const S = 1_000
const MIN = 60 * S
const H = 60 * MIN

/** The wait after the nth failed attempt (index 0 = after the first). */
export const RETRY_DELAYS_MS: readonly number[] = [5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H, 10 * H, 10 * H, 12 * H, 12 * H]

/** How long a message is retried from its creation. */
export const RETRY_WINDOW_MS = 72 * H

/** An endpoint failing without a single success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * H

/** The reason stored on an endpoint disabled for failing too long (the UI says it in the merchant's language). */
export const DISABLED_FAILING = 'failing_5_days'

/** The time of the next attempt after `failedAttempts` failures, or null when the delivery gives up. */
export function nextAttemptAt(opts: { failedAttempts: number; createdAt: Date; now: Date }): Date | null {
  const delay = RETRY_DELAYS_MS[opts.failedAttempts - 1]
  if (delay === undefined) return null
  const at = new Date(opts.now.getTime() + delay)
  return at.getTime() > opts.createdAt.getTime() + RETRY_WINDOW_MS ? null : at
}

/** Whether an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function shouldDisable(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS
}
