'use client'
// A failure in a layout under the root (the dashboard's or the staff's, before their own <main>):
// Next's built-in page would be drawn with inline styles, which the nonce CSP refuses.
import { SegmentError } from '@/components/layout/segment-error'

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} landmark />
}
