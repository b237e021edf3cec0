'use client'
// The edit form's live check: the same AddressSchema as the route for the shape of each field,
// the same checkAddress as the server for the carrier rules, and suggestFixes for the one-click
// fixes — loaded only when an issue could have one, because it pulls in any-ascii (~550 kB).
// checkAddress itself (libphonenumber's metadata, postcode formats: ~40 kB gzip) and the schema
// (zod/mini, ~28 kB gzip) load on the form's first focus or edit, not with the page: until then
// the form shows the stored address's parse and issues, which its page made on the server with the
// same functions.
import { useLocale, useTranslations } from 'next-intl'
import { useEffect, useMemo, useState } from 'react'
import type { z } from 'zod/mini'
import type { AddressIssue } from '@/lib/addresses/address-issues'
import { ADDRESS_FIELDS } from '@/lib/addresses/address-fields'
import type { Address, AddressField } from '@/lib/addresses/address-schema'
import { isControlCharacterIssue } from '@/lib/input/control-characters'
import type { AddressSuggestion } from '@/lib/addresses/suggestions'
import { trimFormValues, type FormValues } from './address-form-values'
import type { ParsedFormAddress } from './parse-form-address'
import { issueText, type ErrorsT } from './issue-text'

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
type CheckRules = (address: Address) => AddressIssue[]
type Checker = { rules: CheckRules; parse: (values: FormValues) => ParsedFormAddress }

// The carrier rules (libphonenumber, postcode formats) and the schema (zod/mini) come together.
const loadChecker = () =>
  Promise.all([import('@/lib/addresses/check-address'), import('./parse-form-address')]).then(
    ([check, parse]): Checker => ({ rules: (address) => check.checkAddress(address).issues, parse: parse.parseFormAddress }),
  )

/** Starts loading the carrier rules (the form calls it on focus, ahead of the first keystroke). */
export function preloadAddressRules(): void {
  loadChecker().catch(() => {})
}

/** The page's first check of the stored address (on the server): the values, their parse, their issues. */
export type FirstCheck = { values: FormValues; parsed: ParsedFormAddress; issues: AddressIssue[] }

/** `first`: the values the form started with (the same object) and their issues, checked by the page. */
export function useAddressCheck(values: FormValues, first: FirstCheck): AddressCheckView {
  const t = useTranslations('errors')
  const locale = useLocale()
  const edited = values !== first.values
  const [checker, setChecker] = useState<Checker | null>(null)
  useEffect(() => {
    if (!edited || checker) return
    let alive = true
    loadChecker()
      .then((loaded) => alive && setChecker(loaded))
      // Without the rules the route's answer still says what blocks (422 with the messages).
      .catch(() => {})
    return () => {
      alive = false
    }
  }, [edited, checker])
  // Until the checker arrives (moments after a first edit) the last issues known stay on screen,
  // and the values are read as the schema reads text it accepts.
  const checked = useMemo(() => {
    if (checker) return runCheck(checker.parse(values), t, locale, checker.rules)
    const parsed = values === first.values ? first.parsed : { address: trimFormValues(values), refused: {} }
    return runCheck(parsed, t, locale, () => first.issues)
  }, [values, t, locale, checker, first])

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

function runCheck(parsed: ParsedFormAddress, t: ErrorsT, locale: string, rules: CheckRules) {
  const byField = Object.fromEntries(ADDRESS_FIELDS.map((f): [AddressField, FieldMessages] => [f, { errors: [], warnings: [] }])) as Record<AddressField, FieldMessages>
  const address = parsed.address
  const refused = ADDRESS_FIELDS.filter((f) => parsed.refused[f])
  for (const field of refused) byField[field].errors.push(...parsed.refused[field]!.map((i) => shapeMessage(t, i)))

  // A field the schema refuses already says why; the rules would only repeat it.
  const issues = rules(address).filter((i) => i.field === 'address' || !refused.includes(i.field))
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
