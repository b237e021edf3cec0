// POST /api/staff/merchants: onboard a merchant; the answer holds its admin's invitation link, shown once.
import { fetchJson } from '@/components/api/api-client'
import { useCall } from '@/components/api/use-call'
import type { OnboardMerchantInput } from '@/lib/staff/onboard-merchant-schema'

export type Onboarded = {
  merchant: { id: string; name: string; markets: string[] }
  admin: { name: string; email: string }
  /** `url` only when the link was not emailed: then staff hand it over themselves. */
  invitation: { url?: string; expiresAt: string; emailed: boolean }
}

export function onboardMerchant(body: OnboardMerchantInput): Promise<Onboarded> {
  return fetchJson('/api/staff/merchants', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export function useOnboardMerchant({ onSuccess }: { onSuccess?: (onboarded: Onboarded) => void } = {}) {
  return useCall(onboardMerchant, { onSuccess: (onboarded) => onSuccess?.(onboarded) })
}
