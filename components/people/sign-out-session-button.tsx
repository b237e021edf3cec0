'use client'
// "Sign out" on one session. Signing out this very session leaves for the sign-in page.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId } from 'react'
import { Button } from '@/components/ui/button'
import { useSignOutSession } from './api/me'
import { usePeopleErrorText } from './use-people-error-text'

export function SignOutSessionButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations('people.sessions')
  const errorText = usePeopleErrorText()
  const router = useRouter()
  const errorId = useId()
  const signOut = useSignOutSession({ onSuccess: ({ session }) => (session.current ? router.push('/login') : router.refresh()) })
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" size="sm" disabled={signOut.isPending} onClick={() => signOut.mutate(id)} aria-describedby={errorId}>
        {t('signOut')}
        <span className="sr-only"> {label}</span>
      </Button>
      <p id={errorId} aria-live="polite" className="text-xs text-red-700">
        {signOut.error ? errorText(signOut.error) : null}
      </p>
    </div>
  )
}
