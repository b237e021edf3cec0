// The public pages' calls: accept an invitation, complete a password reset. Both sign in and say
// where to go next (staff: /staff).
import { useMutation } from '@tanstack/react-query'
import { fetchJson } from '@/components/api/api-client'

type SignedIn = { user: { email: string; name: string }; next: string }
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

export function acceptInvitation(body: { token: string; name: string; password: string }): Promise<SignedIn> {
  return fetchJson('/api/auth/invitations/accept', post(body))
}
export function completePasswordReset(body: { token: string; password: string }): Promise<SignedIn> {
  return fetchJson('/api/auth/password-reset', post(body))
}

export function useAcceptInvitation({ onSuccess }: { onSuccess?: (r: SignedIn) => void } = {}) {
  return useMutation({ mutationFn: acceptInvitation, onSuccess: (r) => onSuccess?.(r) })
}
export function useCompletePasswordReset({ onSuccess }: { onSuccess?: (r: SignedIn) => void } = {}) {
  return useMutation({ mutationFn: completePasswordReset, onSuccess: (r) => onSuccess?.(r) })
}
