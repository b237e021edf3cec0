// The public pages' calls: accept an invitation, complete a password reset. Both sign in and say
// where to go next (staff: /staff). Without TanStack Query: these pages have nothing else to fetch
// or cache, and its ~6 kB gzip was most of what kept them over the first-JavaScript budget
// (docs/benchmarks.md); components/api/use-call.ts keeps useMutation's shape.
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'

type SignedIn = { user: { email: string; name: string }; next: string }
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

export function acceptInvitation(body: { token: string; name: string; password: string }): Promise<SignedIn> {
  return fetchJson('/api/auth/invitations/accept', post(body))
}
export function completePasswordReset(body: { token: string; password: string }): Promise<SignedIn> {
  return fetchJson('/api/auth/password-reset', post(body))
}

export function useAcceptInvitation({ onSuccess }: { onSuccess?: (r: SignedIn) => void } = {}) {
  return useCall(acceptInvitation, { onSuccess: (r) => onSuccess?.(r) })
}
export function useCompletePasswordReset({ onSuccess }: { onSuccess?: (r: SignedIn) => void } = {}) {
  return useCall(completePasswordReset, { onSuccess: (r) => onSuccess?.(r) })
}
