import { expect, test } from 'vitest'
import { coalesced } from './coalesced'

test('callers arriving during a call share the one next call, which starts after it', async () => {
  const started: number[] = []
  let release: () => void = () => {}
  let calls = 0
  const wake = coalesced(async () => {
    started.push(++calls)
    await new Promise<void>((resolve) => (release = resolve))
  })
  const first = wake()
  const waiting = [wake(), wake(), wake()]
  expect(started).toEqual([1])
  release()
  await first
  await Promise.resolve()
  await new Promise((r) => setTimeout(r, 0))
  expect(started).toEqual([1, 2])
  release()
  await Promise.all(waiting)
  expect(calls).toBe(2)
  // Alone again: a call of its own.
  const again = wake()
  expect(calls).toBe(3)
  release()
  await again
})

test('a failed call does not strand the callers waiting for the next one', async () => {
  let calls = 0
  const wake = coalesced(async () => {
    calls++
    if (calls === 1) throw new Error('down')
  })
  const first = wake()
  const second = wake()
  await expect(first).rejects.toThrow('down')
  await expect(second).resolves.toBeUndefined()
  expect(calls).toBe(2)
})
