import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { awaitsPreflight, getSyncQueryOptions, rememberSync, type SyncStatusView } from './get-sync'

const verdict = { canRetryHelp: false, alreadyApplied: false, checks: [], checkedAt: '2025-05-12T10:00:00.000Z' }

test('only a permanent failure waits for the pre-flight the engine stores just after it', () => {
  expect(awaitsPreflight({ status: 'failed', failure: { kind: 'permanent', message: 'x' }, preflight: null })).toBe(true)
  expect(awaitsPreflight({ status: 'failed', failure: { kind: 'permanent', message: 'x' }, preflight: verdict })).toBe(false)
  expect(awaitsPreflight({ status: 'failed', failure: { kind: 'dead', message: 'x' }, preflight: null })).toBe(false)
  expect(awaitsPreflight({ status: 'verified', failure: null, preflight: null })).toBe(false)
})

test('a status an answer carried is the one every watcher of that sync reads, without a request', () => {
  const queryClient = new QueryClient()
  const sync = { id: 'sync-1', status: 'queued', done: false } as SyncStatusView
  rememberSync(queryClient, sync)
  // The re-sync button, the SKU mapping and the Errors tab all observe through getSyncQueryOptions.
  const watcher = new QueryObserver(queryClient, { ...getSyncQueryOptions(sync.id), enabled: false })
  expect(watcher.getCurrentResult().data).toEqual({ sync })
  queryClient.clear()
})
