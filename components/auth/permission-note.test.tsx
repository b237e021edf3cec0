// What a role cannot do is said beside the disabled control, in the person's language: the role,
// the action and whom to ask; read-only staff are told how to act instead.
import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl'
import { useId } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import type { MerchantRole, Permission } from '@/lib/auth/roles'
import type { Locale } from '@/lib/i18n/locales'
import { loadMessages } from '@/messages'
import { describedBy, GATED_ACTIONS, PermissionNote, useActionPermission, type GatedAction } from './permission-note'
import { RoleProvider } from './role-context'

function Gated({ permission, action }: { permission: Permission; action: GatedAction }) {
  const id = useId()
  const gate = useActionPermission(permission, action)
  return (
    <>
      <button type="button" aria-disabled={!gate.allowed || undefined} aria-describedby={describedBy(!gate.allowed && id)}>
        go
      </button>
      <PermissionNote id={id} gate={gate} />
    </>
  )
}

type InView = { role: MerchantRole; staffReadOnly?: boolean; merchantName?: string | null } | null

async function render(locale: Locale, inView: InView, permission: Permission, action: GatedAction) {
  const messages = (await loadMessages(locale)) as AbstractIntlMessages
  const gated = <Gated permission={permission} action={action} />
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {inView ? (
        <RoleProvider role={inView.role} staffReadOnly={inView.staffReadOnly ?? false} merchantName={inView.merchantName ?? null}>
          {gated}
        </RoleProvider>
      ) : (
        gated
      )}
    </NextIntlClientProvider>,
  )
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

test('a viewer sees re-sync disabled, the reason read with the button', async () => {
  const html = await render('en', { role: 'VIEWER', merchantName: 'Refurb Republic' }, 'operate', 'resync')
  expect(text(html)).toBe('go Your role (viewer) can’t re-sync orders — ask an admin of Refurb Republic.')
  const describedById = /aria-describedby="([^"]+)"/.exec(html)?.[1]
  expect(html).toContain('aria-disabled="true"')
  expect(html).toContain(`<p id="${describedById}"`)
})

test('in French, with each action', async () => {
  const said = await Promise.all(GATED_ACTIONS.map(async (a) => text(await render('fr', { role: 'VIEWER', merchantName: 'Phone Phoenix' }, 'operate', a))))
  expect(said).toEqual([
    'go Votre rôle (lecteur) ne permet pas de resynchroniser les commandes — demandez à un administrateur de Phone Phoenix.',
    'go Votre rôle (lecteur) ne permet pas d’ignorer les problèmes — demandez à un administrateur de Phone Phoenix.',
    'go Votre rôle (lecteur) ne permet pas d’associer les SKU — demandez à un administrateur de Phone Phoenix.',
    'go Votre rôle (lecteur) ne permet pas de corriger les adresses — demandez à un administrateur de Phone Phoenix.',
    'go Votre rôle (lecteur) ne permet pas de revérifier les problèmes auprès de Back Market — demandez à un administrateur de Phone Phoenix.',
  ])
})

test('an operator and an admin may operate: no reason, nothing disabled', async () => {
  for (const role of ['OPERATOR', 'ADMIN'] as const) {
    const html = await render('en', { role, merchantName: 'Refurb Republic' }, 'operate', 'dismiss')
    expect(html).toBe('<button type="button">go</button>')
  }
})

test('an operator cannot administer: the role it has is named', async () => {
  expect(text(await render('en', { role: 'OPERATOR' }, 'administer', 'mapSku'))).toBe('go Your role (operator) can’t map SKUs — ask an admin.')
})

test('read-only staff are told how to act, in both languages', async () => {
  const inView = { role: 'VIEWER', staffReadOnly: true, merchantName: 'Refurb Republic' } as const
  expect(text(await render('en', inView, 'operate', 'fixAddress'))).toBe('go You are viewing read-only — choose “Act as support” to change anything.')
  expect(text(await render('fr', inView, 'operate', 'fixAddress'))).toBe(
    'go Vous consultez en lecture seule — choisissez « Agir en tant que support » pour modifier quoi que ce soit.',
  )
})

test('outside a dashboard (no role in view) nothing is allowed', async () => {
  expect(text(await render('en', null, 'read', 'resync'))).toBe('go Your role (viewer) can’t re-sync orders — ask an admin.')
})
