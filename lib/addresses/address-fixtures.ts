// Test data: one valid shipping address per market we ship to, shaped like Back Market sends
// them (national phone formats, relay emails). People and numbers are invented.
import type { Address } from './address-schema'

const MARKETS = {
  FR: { firstName: 'Camille', lastName: 'Lefèvre', street: '12 rue de la Paix', postalCode: '75002', city: 'Paris', phone: '06 12 34 56 78' },
  GB: { firstName: 'Oliver', lastName: "O'Brien", street: '10 Downing Street', postalCode: 'SW1A 2AA', city: 'London', phone: '07911 123456' },
  DE: { firstName: 'Jürgen', lastName: 'Müller', street: 'Friedrichstraße 43', postalCode: '10117', city: 'Berlin', phone: '0151 12345678' },
  BE: { firstName: 'Lotte', lastName: 'Peeters', street: 'Rue Neuve 123', postalCode: '1000', city: 'Bruxelles', phone: '0470 12 34 56' },
  ES: { firstName: 'Lucía', lastName: 'Nuñez', street: 'Calle de Alcalá 48', postalCode: '28014', city: 'Madrid', phone: '612 345 678' },
  IT: { firstName: 'Giulia', lastName: 'Ricci', street: 'Via del Corso 120', postalCode: '00186', city: 'Roma', phone: '333 123 4567' },
  NL: { firstName: 'Sanne', lastName: 'de Vries', street: 'Damrak 70', postalCode: '1012 LM', city: 'Amsterdam', phone: '06 12345678' },
  US: { firstName: 'Emily', lastName: 'Johnson', street: '350 Fifth Avenue', postalCode: '10118', city: 'New York', phone: '(212) 555-0123' },
} as const

export type Market = keyof typeof MARKETS
export const MARKET_CODES = Object.keys(MARKETS) as Market[]

/** A valid address in `country`, with `overrides` applied. */
export function addressIn(country: Market, overrides: Partial<Address> = {}): Address {
  return {
    company: null,
    street2: null,
    country,
    email: 'shipping_1234_40123456@eu.perso-email.com',
    ...MARKETS[country],
    ...overrides,
  }
}
