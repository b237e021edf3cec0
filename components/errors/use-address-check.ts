'use client'
// The edit form's live check: the same AddressSchema as the route for the shape of each field,
// the same checkAddress as the server for the carrier rules, and suggestFixes for the one-click
// fixes — loaded only when an issue could have one, because it pulls in any-ascii (~550 kB).
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useMemo, useState } from 'react'
import type { z } from 'zod'
import type { AddressIssue } from '@/lib/addresses/address-issues'
import { ADDRESS_FIELDS, AddressSchema, type Address, type AddressField } from '@/lib/addresses/address-schema'
import { checkAddress } from '@/lib/addresses/check-address'
import { isControlCharacterIssue } from '@/lib/input/control-characters'
import type { AddressSuggestion } from '@/lib/addresses/suggestions'
import { issueText, type ErrorsT } from './issue-text'

export type FormValues = Record<AddressField, string>

export type FieldMessages = { errors: string[]; warnings: string[] }

export type AddressCheckView = {
  /** The values as the server will read them, for the suggestions and the Save payload. */
  address: Address
  byField: Record<AddressField, FieldMessages>
  /** Issues about the address as a whole (anonymised by Back Market). */
  general: string[]
  blockingCount: number
  /** A field whose value the schema refuses: Save would be a 400, so it is not sent. */
  firstShapeError: AddressField | null
  suggestions: AddressSuggestion[]
}

// The codes suggestFixes has generators for (lib/addresses/suggestions.ts).
const SUGGESTIBLE = new Set(['NAME_NON_LATIN', 'STREET_TOO_LONG', 'ZIP_TOO_LONG', 'ZIP_BAD_FORMAT', 'COUNTRY_INVALID', 'PHONE_BAD_FORMAT'])

type SuggestFixes = (address: Address, issues: AddressIssue[]) => AddressSuggestion[]

export function toFormValues(address: Partial<Record<AddressField, string | null>> | null): FormValues {
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address?.[f] ?? ''])) as FormValues
}

export function useAddressCheck(values: FormValues): AddressCheckView {
  const t = useTranslations('errors')
  const locale = useLocale()
  const checked = useMemo(() => runCheck(values, t, locale), [values, t, locale])

  const wanted = checked.issues.some((i) => SUGGESTIBLE.has(i.code))
  const [suggest, setSuggest] = useState<{ fn: SuggestFixes } | null>(null)
  useEffect(() => {
    if (!wanted || suggest) return
    let alive = true
    import('@/lib/addresses/suggestions')
      .then((m) => alive && setSuggest({ fn: m.suggestFixes }))
      // Suggestions are a convenience: without them the messages still say what to do.
      .catch(() => {})
    return () => {
      alive = false
    }
  }, [wanted, suggest])
  const suggestions = useMemo(() => (suggest && wanted ? suggest.fn(checked.address, checked.issues) : []), [suggest, wanted, checked])

  return { ...checked.view, address: checked.address, suggestions }
}

function runCheck(values: FormValues, t: ErrorsT, locale: string) {
  const byField = Object.fromEntries(ADDRESS_FIELDS.map((f): [AddressField, FieldMessages] => [f, { errors: [], warnings: [] }])) as Record<AddressField, FieldMessages>
  const address = {} as Address
  const refused: AddressField[] = []
  for (const field of ADDRESS_FIELDS) {
    const parsed = AddressSchema.shape[field].safeParse(values[field])
    if (parsed.success) {
      address[field] = parsed.data
      continue
    }
    refused.push(field)
    byField[field].errors.push(...parsed.error.issues.map((i) => shapeMessage(t, i)))
    // Still checked as typed, so the other fields' messages do not depend on this one's typo.
    address[field] = values[field].trim() || null
  }

  // A field the schema refuses already says why; the rules would only repeat it.
  const issues = checkAddress(address).issues.filter((i) => i.field === 'address' || !refused.includes(i.field))
  const general: string[] = []
  for (const issue of issues) {
    const text = issueText(t, locale, issue, address.country)
    if (issue.field === 'address') general.push(text)
    else byField[issue.field][issue.severity === 'error' ? 'errors' : 'warnings'].push(text)
  }
  const blockingCount = issues.filter((i) => i.severity === 'error').length + refused.length
  return { address, issues, view: { byField, general, blockingCount, firstShapeError: refused[0] ?? null } }
}

function shapeMessage(t: ErrorsT, issue: z.core.$ZodIssue): string {
  if (isControlCharacterIssue(issue)) return t('form.controlCharacters')
  if (issue.code === 'too_big') return t('form.tooLongForUs', { max: Number(issue.maximum) })
  if (issue.code === 'invalid_format') return t('form.countryFormat')
  return t('form.notText')
}
