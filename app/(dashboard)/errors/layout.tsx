// The Errors tab needs no TanStack Query: its list is server-rendered. The provider wraps only an
// order's address form ([reference]/layout.tsx), which keeps ~6 kB gzip out of the tab's first
// JavaScript.
import type { ReactNode } from 'react'

export default function ErrorsLayout({ children }: { children: ReactNode }) {
  return children
}
