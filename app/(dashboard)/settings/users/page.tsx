// /settings/users — the merchant's people (admins): invite someone (the link shown once, emailed
// when SMTP is set), change roles, hand out new links, remove. A merchant keeps one active admin.
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { InviteUserForm } from '@/components/people/invite-user-form'
import { UserList } from '@/components/people/user-list'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requireUser } from '@/lib/auth/require-user'
import { listUsers } from '@/lib/users/list-users'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people.usersPage')
  return { title: t('title') }
}

export default async function UsersPage() {
  const [user, t] = await Promise.all([requireUser('administer'), getTranslations('people')])
  const users = await listUsers({ merchantId: user.merchantId })
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t('usersPage.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('usersPage.description', { merchant: user.merchantName })}</p>
      </div>
      <Card aria-labelledby="invite-title">
        <CardHeader title={t('invite.title')} titleId="invite-title" />
        <CardBody>
          <InviteUserForm />
        </CardBody>
      </Card>
      <section aria-labelledby="people-title" className="space-y-3">
        <h2 id="people-title" className="text-base font-semibold text-slate-900">
          {t('list.title', { count: users.filter((u) => u.status !== 'removed').length })}
        </h2>
        <UserList users={users} selfId={user.userId} />
      </section>
    </div>
  )
}
