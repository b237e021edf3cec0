'use client'
// Unexpected failures inside the dashboard keep the header and tabs on screen and offer a retry.
import { SegmentError } from '@/components/layout/segment-error'

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} />
}
