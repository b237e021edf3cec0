/** Waits for `check` to hold, polling; after 15 s it fails naming what never happened. */
export async function until(what: string, check: () => boolean | Promise<boolean>, opts: { everyMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`)
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 10))
  }
}
