// Plausible tracking numbers and tracking pages per carrier, so a shipped demo order looks like a
// real one on Back Market. Carrier names are Back Market `Shipper` values (docs/backmarket.md §1.5).
import { digits, letters, randomInt, type Random } from './random'

type Format = { number: (random: Random) => string; url: (trackingNumber: string) => string }

const FORMATS = {
  colissimo: { number: (r) => `6A${digits(r, 11)}`, url: (tn) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${tn}` },
  chronopost: { number: (r) => `${letters(r, 2)}${digits(r, 9)}FR`, url: (tn) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${tn}` },
  dpd: { number: (r) => `250${digits(r, 11)}`, url: (tn) => `https://trace.dpd.fr/fr/trace/${tn}` },
  ups: {
    number: (r) => `1Z${Array.from({ length: 6 }, () => (randomInt(r, 0, 1) ? letters(r, 1) : digits(r, 1))).join('')}${digits(r, 10)}`,
    url: (tn) => `https://www.ups.com/track?tracknum=${tn}`,
  },
  dhl: { number: (r) => digits(r, 10), url: (tn) => `https://www.dhl.com/fr-en/home/tracking/tracking-express.html?submit=1&tracking-id=${tn}` },
  royalMail: { number: (r) => `${letters(r, 2)}${digits(r, 9)}GB`, url: (tn) => `https://www.royalmail.com/track-your-item#/tracking-results/${tn}` },
  gls: { number: (r) => digits(r, 11), url: (tn) => `https://gls-group.com/FR/fr/suivi-colis?match=${tn}` },
} satisfies Record<string, Format>

type FormatId = keyof typeof FORMATS

// Back Market pre-fills the order's shipper with the buyer's choice ("Royal Mail Express"…):
// keep that exact name, pick the number format by its family.
const FAMILIES: [prefix: string, format: FormatId][] = [
  ['colissimo', 'colissimo'],
  ['socolissimo', 'colissimo'],
  ['chronopost', 'chronopost'],
  ['dpd', 'dpd'],
  ['ups', 'ups'],
  ['dhl', 'dhl'],
  ['royal mail', 'royalMail'],
  ['gls', 'gls'],
]

/** When the order names no carrier we know: the usual one for the destination. */
const BY_COUNTRY: Record<string, [name: string, format: FormatId]> = {
  GB: ['Royal Mail', 'royalMail'],
  DE: ['DHL Express', 'dhl'],
  AT: ['DHL Express', 'dhl'],
  BE: ['DPD FR', 'dpd'],
  NL: ['DPD FR', 'dpd'],
  ES: ['UPS', 'ups'],
  IT: ['UPS', 'ups'],
}

export type Parcel = { carrier: string; trackingNumber: string; trackingUrl: string }

export function parcelFor(order: { shipper: string | null; country: string | null }, random: Random): Parcel {
  const shipper = order.shipper?.trim() ?? ''
  const family = FAMILIES.find(([prefix]) => shipper.toLowerCase().startsWith(prefix))
  const [carrier, formatId]: [string, FormatId] = family ? [shipper, family[1]] : (BY_COUNTRY[order.country ?? ''] ?? ['Colissimo', 'colissimo'])
  const format = FORMATS[formatId]
  const trackingNumber = format.number(random)
  return { carrier, trackingNumber, trackingUrl: format.url(trackingNumber) }
}
