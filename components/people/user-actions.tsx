'use client'
// What an admin can do to one person: change their role, hand them a new one-time link (a new
// invitation while they have not accepted, a password reset once they have), remove them. The
// server refuses what would leave the merchant without an active admin, and the reason is shown.
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { useId, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { Label } from '@/components/ui/input'
import type { MerchantRole } from '@/lib/auth/roles'
import type { MerchantUserRow } from '@/lib/users/list-users'
import { useChangeRole, useIssueLink, useRemoveUser, type IssuedLink } from './api/users'
import { IssuedLinkPanel } from './issued-link'
import { RoleSelect } from './role-select'
import { usePeopleErrorText } from './use-people-error-text'

type Person = Pick<MerchantUserRow, 'id' | 'name' | 'email' | 'role' | 'status'>

export function UserActions({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const t = useTranslations('people.actions')
  const errorText = usePeopleErrorText()
  const router = useRouter()
  const id = useId()
  const [issued, setIssued] = useState<IssuedLink | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const linkKind = person.status === 'invited' ? 'invitation' : 'passwordReset'
  const refresh = (message: string) => () => {
    setDone(message)
    router.refresh()
  }
  const changeRole = useChangeRole({ onSuccess: refresh(t('roleChanged', { name: person.name })) })
  const remove = useRemoveUser({ onSuccess: refresh(t('removed', { name: person.name })) })
  const issue = useIssueLink(linkKind, { onSuccess: (r) => (setDone(null), setIssued(r)) })
  const error = changeRole.error ?? remove.error ?? issue.error

  const submitRole = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setDone(null)
    changeRole.mutate({ id: person.id, role: String(new FormData(e.currentTarget).get('role')) as MerchantRole })
  }
  const onRemove = () => {
    setDone(null)
    if (window.confirm(t(isSelf ? 'removeSelfConfirm' : 'removeConfirm', { name: person.name }))) remove.mutate(person.id)
  }

  if (person.status === 'removed') return null
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={submitRole} className="flex items-end gap-2">
          <div>
            <Label htmlFor={`${id}-role`} className="text-xs">
              {t('roleLabel', { name: person.name })}
            </Label>
            <RoleSelect id={`${id}-role`} name="role" defaultValue={person.role} className="mt-1 h-9 w-36" />
          </div>
          <Button type="submit" variant="secondary" size="sm" disabled={changeRole.isPending}>
            {t('changeRole')}
          </Button>
        </form>
        <Button type="button" variant="secondary" size="sm" disabled={issue.isPending} onClick={() => issue.mutate(person.id)}>
          {t(linkKind === 'invitation' ? 'newInvitation' : 'resetLink')}
          <span className="sr-only"> {person.name}</span>
        </Button>
        <Button type="button" variant="secondary" size="sm" disabled={remove.isPending} onClick={onRemove}>
          {t('remove')}
          <span className="sr-only"> {person.name}</span>
        </Button>
      </div>
      {issued ? <IssuedLinkPanel issued={issued} kind={linkKind} email={person.email} onDone={() => setIssued(null)} /> : null}
      <p aria-live="polite" className="text-sm">
        {error ? <span className="text-red-700">{errorText(error)}</span> : done ? <span className="text-green-800">{done}</span> : null}
      </p>
    </div>
  )
}
