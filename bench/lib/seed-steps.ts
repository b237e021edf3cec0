// What the benchmarks' seed scripts share: steps timed by label, and work spread over a few
// concurrent loops (the sandbox and PostgreSQL share the machine: a handful in flight is enough).

/** Runs `fn`, recording its duration in `ms[label]` whether it succeeds or not. */
export async function timed<T>(ms: Record<string, number>, label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now()
  try {
    return await fn()
  } finally {
    ms[label] = Math.round(performance.now() - t)
  }
}

/** Runs `fn` over `items` with at most `width` in flight; the results in the items' order. */
export async function pool<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!, i)
    }),
  )
  return out
}
