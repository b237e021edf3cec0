// Its calls change something and the page re-renders from the server: they go through
// components/api/use-call.ts, without TanStack Query, so no provider here and none of its
// JavaScript in the page's first load (docs/benchmarks.md).
import type { ReactNode } from 'react'

export default function Layout({ children }: { children: ReactNode }) {
  return children
}
