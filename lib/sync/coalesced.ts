// Many callers, few calls: a call that only has to happen AFTER each caller's own change (a
// wake-up, a notification) need not happen once per caller. At most one call runs; callers
// arriving meanwhile share the single next one, which starts after the running call ends, so
// every caller's change is older than the call it waited for.
export function coalesced(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let next: Promise<void> | null = null
  const call = (): Promise<void> => {
    if (!running) {
      running = fn().finally(() => {
        running = null
      })
      return running
    }
    next ??= running.then(
      () => {
        next = null
        return call()
      },
      () => {
        next = null
        return call()
      },
    )
    return next
  }
  return call
}
