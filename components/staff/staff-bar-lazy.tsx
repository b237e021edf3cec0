'use client'
// The staff bar as a chunk of its own, loaded only where it shows (a staff user's dashboard):
// imported straight by the dashboard layout, its code was in every merchant's first JavaScript.
// React.lazy rather than next/dynamic, whose loader added ~1.5 kB gzip to every page.
import { lazy, Suspense } from 'react'

const StaffBar = lazy(() => import('./staff-bar').then((m) => ({ default: m.StaffBar })))

export function StaffBarLazy(props: { merchantName: string; acting: boolean }) {
  return (
    <Suspense fallback={null}>
      <StaffBar {...props} />
    </Suspense>
  )
}
