// The people pages' refusals in the user's language: the ones our routes explain with a reason
// (the last admin, a refused link, a user in the wrong state, a taken or unavailable email,
// another admin's reset that only email may carry, a wrong current password); anything else as every page says it.
import { useTranslations } from 'next-intl'
import { ApiError } from '@/components/api/api-client'
import { useApiErrorText } from '@/components/sync/use-api-error-text'

const REASONS = ['last_admin', 'invalid_link', 'invited', 'active', 'removed', 'email_taken', 'email_unavailable', 'admin_reset_emailed', 'wrong_current_password'] as const

export function usePeopleErrorText(): (err: Error) => string {
  const t = useTranslations('people.errors')
  const fallback = useApiErrorText()
  return (err) => {
    if (err instanceof ApiError) {
      const reason = (err.details as { reason?: unknown } | undefined)?.reason
      const known = REASONS.find((r) => r === reason)
      if (known) return t(known)
      if (err.code === 'rate_limited') return t('tooManyAttempts')
    }
    return fallback(err)
  }
}
