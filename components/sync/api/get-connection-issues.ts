// GET /api/connection-issues: the banner's data (failures of the past 7 days, the last 20 errors,
// the impact). The server renders it first; the browser keeps one copy fresh — polled, re-read
// when the tab comes back, and right after anything that changes an issue (re-sync, check again,
// dismiss: they call refreshConnectionIssues).
//
// A small store of its own, not TanStack Query: the banner is on every page, so whatever it needs
// is in every page's first JavaScript; TanStack (~15 kB gzip) is loaded only by pages with live
// widgets (see docs/benchmarks.md).
import { useEffect, useSyncExternalStore } from 'react'
import { fetchJson } from '@/components/api/api-client'
import type { ConnectionHealthView } from '../connection-health-view'

export type { ConnectionErrorView, ConnectionHealthView } from '../connection-health-view'

/** One indexed SQL statement, no Back Market call: cheap enough to keep a banner honest on a page
 * left open, and closer to live while the worker is retrying. */
export function pollIntervalMs(view: ConnectionHealthView | null): number {
  return (view?.impact.retryingIssues ?? 0) > 0 ? 10_000 : 60_000
}

export function getConnectionIssues(signal?: AbortSignal): Promise<ConnectionHealthView> {
  return fetchJson<ConnectionHealthView>('/api/connection-issues', { signal })
}

let current: ConnectionHealthView | null = null
let inflight: Promise<void> | null = null
const listeners = new Set<() => void>()

function publish(view: ConnectionHealthView) {
  current = view
  for (const listener of listeners) listener()
}

/** Reads the connection issues again now (one request however many ask at once). */
export function refreshConnectionIssues(): Promise<void> {
  inflight ??= getConnectionIssues()
    .then(publish)
    // The copy on screen stays; the next poll tries again.
    .catch(() => undefined)
    .finally(() => {
      inflight = null
    })
  return inflight
}

// One poller for the page however many components show the data; it runs while any does.
let timer: ReturnType<typeof setTimeout> | undefined
function schedule() {
  clearTimeout(timer)
  // Nothing on screen shows it any more (a poll that ended after the last one unmounted).
  if (listeners.size === 0) return
  timer = setTimeout(() => {
    if (document.visibilityState === 'visible') void refreshConnectionIssues().finally(schedule)
    else schedule()
  }, pollIntervalMs(current))
}
function onVisible() {
  if (document.visibilityState === 'visible') void refreshConnectionIssues()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  if (listeners.size === 1) {
    schedule()
    document.addEventListener('visibilitychange', onVisible)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }
}

/** Seeded by a server render; each new server render (navigation, refresh) is the freshest read. */
export function useConnectionIssues(serverView: ConnectionHealthView): { data: ConnectionHealthView } {
  useEffect(() => {
    publish(serverView)
    schedule()
  }, [serverView])
  const data = useSyncExternalStore(
    subscribe,
    () => current ?? serverView,
    () => serverView,
  )
  return { data }
}
