'use client'
// Unexpected failures inside the staff pages keep the header on screen and offer a retry.
import { SegmentError } from '@/components/layout/segment-error'

export default function StaffError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError error={error} retry={retry} />
}
