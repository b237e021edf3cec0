// How the importer walks Back Market's pages without holding them: a page's worth of orders at
// a time, the next page fetched while this one is written, a few writes at once. Pure helpers
// over async iterables (no database, no Back Market), tested beside.

/** The items of `source` in arrays of `size` (the last one shorter). */
export async function* inBatches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[], void, undefined> {
  let batch: T[] = []
  for await (const item of source) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}

/**
 * The same items, with the next one already asked for while the consumer works on the current
 * one: one item ahead, never more. A failure of the source surfaces when its item is reached.
 */
export async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]()
  let next = it.next()
  // A rejection noticed only later must not count as unhandled meanwhile.
  next.catch(() => {})
  try {
    for (;;) {
      const r = await next
      if (r.done) return
      next = it.next()
      next.catch(() => {})
      yield r.value
    }
  } finally {
    // The consumer stopped early (break, throw): the source closes, its pending page is dropped.
    await it.return?.()
  }
}

/** Runs `fn` over `items`, at most `width` at a time; rejects with the first failure once all have settled. */
export async function inParallel<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0
  const errors: unknown[] = []
  const worker = async () => {
    while (i < items.length) {
      const item = items[i++]!
      try {
        await fn(item)
      } catch (err) {
        errors.push(err)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  if (errors.length) throw errors[0]
}
