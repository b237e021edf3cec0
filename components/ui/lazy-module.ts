// A module loaded on demand, once: the forms load their schemas (zod/mini, ~17 kB gzip) when first
// focused or submitted instead of with the page, whose first JavaScript stays within budget
// (docs/benchmarks.md). null when it cannot load (a network blip): the form then skips its own
// check and the route's answers for it; the next call tries again.
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T | null> {
  let loading: Promise<T | null> | undefined
  return () =>
    (loading ??= load().catch(() => {
      loading = undefined
      return null
    }))
}
