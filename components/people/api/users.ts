// Settings → Users: the admin's calls (invite, role, remove, new links). Each answer that holds a
// one-time link is shown once; the list re-renders from the server (router.refresh in onSuccess).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { InviteUserInput } from '@/lib/users/user-schemas'
import type { MerchantRole } from '@/lib/auth/roles'

/** `url` only when the link was not emailed: a link that reached its recipient is not shown to the admin. */
export type IssuedLink = { link: { url?: string; expiresAt: string }; emailed: boolean }
export type InvitedUser = IssuedLink & { user: { id: string; email: string; name: string; role: MerchantRole } }

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: body === undefined ? undefined : { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})
const userPath = (id: string, rest = '') => `/api/users/${encodeURIComponent(id)}${rest}`

export function inviteUser(body: InviteUserInput): Promise<InvitedUser> {
  return fetchJson('/api/users', json('POST', body))
}
export function changeRole({ id, role }: { id: string; role: MerchantRole }): Promise<{ user: { id: string; role: MerchantRole; changed: boolean } }> {
  return fetchJson(userPath(id), json('PATCH', { role }))
}
export function removeUser(id: string): Promise<{ user: { id: string; status: 'removed'; sessionsEnded: number } }> {
  return fetchJson(userPath(id), json('DELETE'))
}
export function reissueInvitation(id: string): Promise<IssuedLink> {
  return fetchJson(userPath(id, '/invitation'), json('POST'))
}
export function issuePasswordReset(id: string): Promise<IssuedLink> {
  return fetchJson(userPath(id, '/password-reset'), json('POST'))
}

export function useInviteUser({ onSuccess }: { onSuccess?: (r: InvitedUser) => void } = {}) {
  return useCall(inviteUser, { onSuccess: (r) => onSuccess?.(r) })
}
export function useChangeRole({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useCall(changeRole, { onSuccess: () => onSuccess?.() })
}
export function useRemoveUser({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useCall(removeUser, { onSuccess: () => onSuccess?.() })
}
export function useIssueLink(kind: 'invitation' | 'passwordReset', { onSuccess }: { onSuccess?: (r: IssuedLink) => void } = {}) {
  return useCall(kind === 'invitation' ? reissueInvitation : issuePasswordReset, { onSuccess: (r) => onSuccess?.(r) })
}
