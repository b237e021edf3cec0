// Street and city rules (docs/backmarket.md §2.4): STREET_MISSING, STREET_TOO_LONG, STREET2_TOO_LONG,
// CITY_MISSING, CITY_TOO_LONG. 35 characters per line: Cubyn, Colissimo, DPD, UPS (docs/backmarket.md §2.2).
import { missing, tooLong, type AddressIssue } from './address-issues'
import type { CheckContext } from './check-context'

export function checkLines(ctx: CheckContext): AddressIssue[] {
  const issues: AddressIssue[] = []
  if (!ctx.present('street')) issues.push(missing('STREET_MISSING', 'street', 'Enter the house number and street name.'))
  const street = ctx.overLimit('street')
  if (street) {
    issues.push(tooLong('STREET_TOO_LONG', 'street', street, `Split it across Street and Street 2 (at most ${street.max} characters each).`))
  }
  const street2 = ctx.overLimit('street2')
  if (street2) {
    issues.push(tooLong('STREET2_TOO_LONG', 'street2', street2, 'Shorten it to what the courier needs: building, floor, door code.'))
  }
  if (!ctx.present('city')) issues.push(missing('CITY_MISSING', 'city', 'Enter the town or city.'))
  const city = ctx.overLimit('city')
  if (city) {
    issues.push(tooLong('CITY_TOO_LONG', 'city', city, 'Use the official short form of the town name, e.g. "St" for "Saint".'))
  }
  return issues
}
