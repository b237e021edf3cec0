'use client'
// Keeps what it wraps on screen once it has been shown in this page, even when a later server
// render says it no longer should: a card's cause panel shows only while its issue is active, and
// the re-render after the issue resolves (often a second after the merchant's own fix) would
// otherwise take the panel away with the answer to what they just did ("Mapped X → Y", the
// re-sync's progress). Only where `keep` says so (a panel that tells a closed issue itself; the
// status-error panel's "Check again" must go once the issue is resolved). A page load that starts
// inactive never shows it.
import { useState, type ReactNode } from 'react'

export function KeepOnceShown({ show, keep, children }: { show: boolean; keep: boolean; children: ReactNode }) {
  const [shown, setShown] = useState(show)
  if (show && !shown) setShown(true)
  return show || (keep && shown) ? children : null
}
