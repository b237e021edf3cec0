// A public one-time link's page: its form posts without TanStack Query (components/people/api/
// one-time-links.ts), so no provider here and none of its JavaScript on the page.
import type { ReactNode } from 'react'

export default function PeopleLayout({ children }: { children: ReactNode }) {
  return children
}
