// The public pages' calls: accept an invitation, complete a password reset. Both sign in and say
// where to go next (staff: /staff). Without TanStack Query: these pages have nothing else to fetch
// or cache, and its ~6 kB gzip was most of what kept them over the first-JavaScript budget
// (docs/benchmarks.md); the hooks keep useMutation's shape (mutate, isPending, isSuccess, error).
import { useState } from 'react'
import { fetchJson } from '@/components/api/api-client'

type SignedIn = { user: { email: string; name: string }; next: string }
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

export function acceptInvitation(body: { token: string; name: string; password: string }): Promise<SignedIn> {
  return fetchJson('/api/auth/invitations/accept', post(body))
}
export function completePasswordReset(body: { token: string; password: string }): Promise<SignedIn> {
  return fetchJson('/api/auth/password-reset', post(body))
}

type PostState = { status: 'idle' | 'pending' | 'success' | 'error'; error: Error | null }

function usePost<B>(call: (body: B) => Promise<SignedIn>, onSuccess?: (r: SignedIn) => void) {
  const [state, setState] = useState<PostState>({ status: 'idle', error: null })
  const mutate = (body: B) => {
    setState({ status: 'pending', error: null })
    call(body).then(
      (r) => {
        setState({ status: 'success', error: null })
        onSuccess?.(r)
      },
      (error: unknown) => setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    )
  }
  return { mutate, isPending: state.status === 'pending', isSuccess: state.status === 'success', error: state.error }
}

export function useAcceptInvitation({ onSuccess }: { onSuccess?: (r: SignedIn) => void } = {}) {
  return usePost(acceptInvitation, onSuccess)
}
export function useCompletePasswordReset({ onSuccess }: { onSuccess?: (r: SignedIn) => void } = {}) {
  return usePost(completePasswordReset, onSuccess)
}
