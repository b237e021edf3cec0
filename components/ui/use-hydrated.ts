'use client'
// Whether React has taken over the page. False in the server's HTML and while hydrating, true
// after: a control that only works through JavaScript stays disabled until then, so a click
// before the bundles load (or when they never do) cannot fall back to a native form post.
import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
