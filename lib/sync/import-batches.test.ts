import { expect, test } from 'vitest'
import { inBatches, inParallel, prefetched } from './import-batches'

async function* numbers(n: number, log: string[] = []) {
  for (let i = 0; i < n; i++) {
    log.push(`fetch ${i}`)
    yield i
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

test('batches of the size asked, the last one shorter, none when empty', async () => {
  expect(await collect(inBatches(numbers(7), 3))).toEqual([[0, 1, 2], [3, 4, 5], [6]])
  expect(await collect(inBatches(numbers(6), 3))).toEqual([[0, 1, 2], [3, 4, 5]])
  expect(await collect(inBatches(numbers(0), 3))).toEqual([])
})

test('prefetched asks for the next item while the current one is worked on, one ahead only', async () => {
  const log: string[] = []
  for await (const x of prefetched(numbers(3, log))) {
    await new Promise((r) => setTimeout(r, 1))
    log.push(`work ${x}`)
  }
  expect(log).toEqual(['fetch 0', 'fetch 1', 'work 0', 'fetch 2', 'work 1', 'work 2'])
})

test("prefetched passes the source's failure on when its turn comes", async () => {
  async function* failing() {
    yield 1
    throw new Error('page 2 refused')
  }
  const seen: number[] = []
  await expect(
    (async () => {
      for await (const x of prefetched(failing())) seen.push(x)
    })(),
  ).rejects.toThrow('page 2 refused')
  expect(seen).toEqual([1])
})

test('inParallel runs every item, at most width at once, and rejects with the first failure after all settle', async () => {
  let running = 0
  let most = 0
  const done: number[] = []
  await inParallel([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
    running++
    most = Math.max(most, running)
    await new Promise((r) => setTimeout(r, 2))
    running--
    done.push(x)
  })
  expect(most).toBe(3)
  expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7])

  const finished: number[] = []
  await expect(
    inParallel([1, 2, 3], 2, async (x) => {
      if (x === 1) throw new Error('one failed')
      await new Promise((r) => setTimeout(r, 2))
      finished.push(x)
    }),
  ).rejects.toThrow('one failed')
  expect(finished.sort()).toEqual([2, 3])
})
