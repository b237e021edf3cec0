// EMAIL_INVALID (docs/backmarket.md §2.4), a warning only: Cubyn wants "@" and "." and at most 70 characters
// (S23), Colissimo text@text.text (S26). Back Market's relay aliases
// (shipping_…@eu.perso-email.com) are valid addresses and pass.
import type { AddressIssue } from './address-issues'
import type { CheckContext } from './check-context'
import { charLength } from './text'

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u

export function checkEmail(ctx: CheckContext): AddressIssue[] {
  const email = ctx.checked('email')
  if (email === null) return []
  const max = ctx.limits.email
  if (charLength(email) > max) {
    return [
      warning(`Email is ${charLength(email)} characters long; Cubyn accepts at most ${max}. The order can still ship; use a shorter address if the buyer has one.`, {
        reason: 'length',
        length: charLength(email),
        max,
      }),
    ]
  }
  if (!EMAIL_SHAPE.test(email)) {
    return [warning(`Email "${email}" does not look like an email address (name@domain.com). Correct it if you can; the order can still ship.`, { reason: 'format', email })]
  }
  return []
}

function warning(message: string, params: Record<string, string | number>): AddressIssue {
  return { code: 'EMAIL_INVALID', field: 'email', severity: 'warning', message, params }
}
