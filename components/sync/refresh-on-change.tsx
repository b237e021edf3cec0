'use client'
// Keeps a server-rendered connection view current: when the browser's copy of the connection
// issues (refetched on a timer and after every action) no longer matches what the server
// rendered — an issue resolved by a retry, a new failure — the route is rendered again.
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { useConnectionIssues, type ConnectionHealthView } from './api/get-connection-issues'

const signature = (h: ConnectionHealthView) => JSON.stringify([h.state, h.impact, h.errors.map((e) => [e.id, e.lifecycle])])

export function RefreshOnChange({ rendered }: { rendered: ConnectionHealthView }) {
  const { data } = useConnectionIssues(rendered)
  const router = useRouter()
  const now = signature(data)
  const then = signature(rendered)
  useEffect(() => {
    if (now !== then) router.refresh()
  }, [now, then, router])
  return null
}
