// Recipient name rules (docs/backmarket.md §2.4): NAME_MISSING, NAME_TOO_LONG, NAME_NON_LATIN.
import { fieldLabel, missing, tooLong, type AddressIssue } from './address-issues'
import type { CheckContext } from './check-context'
import { hasNonLatinLetters, nonLatinLetters } from './latin-script'

const NAME_FIELDS = ['firstName', 'lastName', 'company'] as const

const SHORTEN_ADVICE: Record<(typeof NAME_FIELDS)[number], string> = {
  firstName: 'Shorten it, e.g. keep only the first given name.',
  lastName: 'Shorten it, or move a business name to Company.',
  company: 'Shorten it, e.g. drop the legal form (SAS, GmbH, Ltd).',
}

export function checkNames(ctx: CheckContext): AddressIssue[] {
  const issues: AddressIssue[] = []
  // Cubyn: first and last name are mandatory unless the organisation name is filled in (S23).
  if (!ctx.present('company')) {
    if (!ctx.present('firstName')) {
      issues.push(missing('NAME_MISSING', 'firstName', "Add the recipient's first name, or fill in Company for a business address."))
    }
    if (!ctx.present('lastName')) {
      issues.push(missing('NAME_MISSING', 'lastName', "Add the recipient's last name, or fill in Company for a business address."))
    }
  }
  for (const field of NAME_FIELDS) {
    const over = ctx.overLimit(field)
    if (over) issues.push(tooLong('NAME_TOO_LONG', field, over, SHORTEN_ADVICE[field]))
  }
  // Cubyn: names are "Latin only" (S23).
  for (const field of NAME_FIELDS) {
    const value = ctx.checked(field)
    if (value === null || !hasNonLatinLetters(value)) continue
    const characters = nonLatinLetters(value).slice(0, 5).join(', ')
    issues.push({
      code: 'NAME_NON_LATIN',
      field,
      severity: 'error',
      message: `${fieldLabel(field)} uses letters the carrier cannot print (${characters}). Write it in Latin letters, as the buyer would spell it.`,
      params: { characters },
    })
  }
  return issues
}
