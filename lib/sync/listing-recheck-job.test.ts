import { afterAll, expect, test } from 'vitest'
import { LISTING_RECHECK_CRON, LISTING_RECHECK_QUEUE, registerListingRecheck } from './listing-recheck-job'
import { getQueue, stopQueue } from './queue'

afterAll(() => stopQueue())

test('the recheck is a cron fired once across workers, on a singleton queue; registering twice (a second worker) keeps one schedule', async () => {
  const boss = await getQueue()
  await registerListingRecheck(boss)
  await registerListingRecheck(boss)
  expect((await boss.getSchedules()).filter((s) => s.name === LISTING_RECHECK_QUEUE)).toMatchObject([{ cron: LISTING_RECHECK_CRON }])
  expect(await boss.getQueue(LISTING_RECHECK_QUEUE)).toMatchObject({ policy: 'singleton' })
})
