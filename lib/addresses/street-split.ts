// Moving the overflow of a long street line into street 2. Carriers print 35 characters per line
// (Cubyn, Colissimo, DPD, UPS, DHL Express: docs/backmarket.md §2.2) while Back Market allows 254, so this is
// the most common address error and the most mechanical to fix.
import { charLength, cleanText } from './text'

export type StreetLines = { street: string; street2: string }

/**
 * Where a line may be cut, best first: not between a street name and the house number after it
 * ("Friedrichstraße | 43": DE/NL/ES/IT write the number last, and carriers look for it beside
 * the street), then after ", " (it separates address parts), then any space; latest first.
 */
function cutPoints(line: string): number[] {
  const numberFirst = /^\d/u.test(line)
  const rank = (at: number) => (!numberFirst && /\d/u.test(line.charAt(at + 1)) ? 2 : 0) + (line[at - 1] === ',' ? 0 : 1)
  const spaces = [...line.matchAll(/ /gu)].map((m) => m.index).reverse()
  return spaces.sort((a, b) => rank(a) - rank(b))
}

/**
 * Street and street 2 with the overflow moved on a word boundary, both within `max`; the
 * overflow goes before any existing street 2 text. Null when the street already fits or no
 * cut makes both lines fit.
 */
export function splitStreet(street: string, street2: string | null, max: number): StreetLines | null {
  const line = cleanText(street)
  if (charLength(line) <= max) return null
  const existing = street2 === null ? '' : cleanText(street2)
  for (const at of cutPoints(line)) {
    const head = line.slice(0, at).replace(/[\s,;]+$/u, '')
    const tail = line.slice(at + 1).replace(/^[\s,;]+/u, '')
    if (head === '' || tail === '') continue
    const second = existing === '' ? tail : `${tail}, ${existing}`
    if (charLength(head) <= max && charLength(second) <= max) return { street: head, street2: second }
  }
  return null
}
