// Profile: the signed-in person's own calls (language and zone, password, sessions).
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: body === undefined ? undefined : { 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export type Preferences = { locale?: 'en' | 'fr'; timeZone?: string | null }

export function updatePreferences(body: Preferences): Promise<{ preferences: { locale: string | null; timeZone: string | null; effectiveTimeZone: string; changed: boolean } }> {
  return fetchJson('/api/me', json('PATCH', body))
}
export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<{ sessionsEnded: number }> {
  return fetchJson('/api/me/password', json('POST', body))
}
export function signOutSession(id: string): Promise<{ session: { id: string; current: boolean } }> {
  return fetchJson(`/api/me/sessions/${encodeURIComponent(id)}`, json('DELETE'))
}

export function useUpdatePreferences({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useCall(updatePreferences, { onSuccess: () => onSuccess?.() })
}
export function useChangePassword({ onSuccess }: { onSuccess?: (r: { sessionsEnded: number }) => void } = {}) {
  return useCall(changePassword, { onSuccess: (r) => onSuccess?.(r) })
}
export function useSignOutSession({ onSuccess }: { onSuccess?: (r: { session: { id: string; current: boolean } }) => void } = {}) {
  return useCall(signOutSession, { onSuccess: (r) => onSuccess?.(r) })
}
