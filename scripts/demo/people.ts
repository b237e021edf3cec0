// Plausible buyers and addresses for the demo, and the few that break carrier rules on purpose
// (street over 35 characters, bad postcode, missing phone, non-Latin name) so the Errors tab
// has something to show. Every other phone is a valid mobile of its country: Ofcom's 07700 900xxx
// drama range would be refused as invalid.

export type DemoAddress = {
  first_name: string
  last_name: string
  street: string
  street2: string
  postal_code: string
  city: string
  country: string
  phone: string | null
  company?: string
}

const FR: DemoAddress[] = [
  { first_name: 'Camille', last_name: 'Martin', street: '12 rue de la République', street2: 'Bâtiment B', postal_code: '69002', city: 'Lyon', country: 'FR', phone: '06 12 34 56 78' },
  { first_name: 'Lucas', last_name: 'Bernard', street: '4 place du Capitole', street2: '', postal_code: '31000', city: 'Toulouse', country: 'FR', phone: '07 81 22 45 90' },
  { first_name: 'Léa', last_name: 'Dubois', street: '27 boulevard Longchamp', street2: '3e étage', postal_code: '13001', city: 'Marseille', country: 'FR', phone: '06 45 78 12 03' },
  { first_name: 'Hugo', last_name: 'Moreau', street: '8 rue Sainte-Catherine', street2: '', postal_code: '33000', city: 'Bordeaux', country: 'FR', phone: '06 98 76 54 32' },
  { first_name: 'Chloé', last_name: 'Laurent', street: '15 rue de Rivoli', street2: 'Digicode 4512', postal_code: '75004', city: 'Paris', country: 'FR', phone: '07 66 55 44 33' },
  { first_name: 'Nathan', last_name: 'Simon', street: '3 quai de la Fosse', street2: '', postal_code: '44000', city: 'Nantes', country: 'FR', phone: '06 11 22 33 44' },
]

const GB: DemoAddress[] = [
  { first_name: 'Oliver', last_name: 'Smith', street: '10 Market Street', street2: 'Flat 2', postal_code: 'M1 1PW', city: 'Manchester', country: 'GB', phone: '07911 123456' },
  { first_name: 'Amelia', last_name: 'Jones', street: '221 High Street', street2: '', postal_code: 'B4 7SL', city: 'Birmingham', country: 'GB', phone: '07412 345678' },
  { first_name: 'Harry', last_name: 'Taylor', street: '5 Queen Street', street2: '', postal_code: 'EH2 1JE', city: 'Edinburgh', country: 'GB', phone: '07385 172946' },
  { first_name: 'Isla', last_name: 'Brown', street: '42 Park Row', street2: 'Unit 3', postal_code: 'LS1 5HD', city: 'Leeds', country: 'GB', phone: '07588 213454' },
]

/** Addresses our carriers refuse, one kind each; the name says which rule breaks. */
const BROKEN_FR: DemoAddress[] = [
  { first_name: 'Margaux', last_name: 'Petit', street: 'Résidence les Jardins de la Garenne, 14 avenue du Général Leclerc', street2: '', postal_code: '92250', city: 'La Garenne-Colombes', country: 'FR', phone: '06 23 45 67 89' },
  { first_name: 'Julien', last_name: 'Roux', street: '9 rue des Lilas', street2: '', postal_code: '7500', city: 'Paris', country: 'FR', phone: '06 54 32 10 98' },
  { first_name: 'Sarah', last_name: 'Fournier', street: '31 rue Nationale', street2: '', postal_code: '59000', city: 'Lille', country: 'FR', phone: null },
  { first_name: 'Анна', last_name: 'Смирнова', street: '2 rue de Metz', street2: '', postal_code: '67000', city: 'Strasbourg', country: 'FR', phone: '06 77 88 99 00' },
]

const BROKEN_GB: DemoAddress[] = [
  { first_name: 'George', last_name: 'Wilson', street: 'The Old Rectory Cottage, 118 Long Ashton Road', street2: '', postal_code: 'BS41 9LN', city: 'Bristol', country: 'GB', phone: '07846 609112' },
  { first_name: 'Emily', last_name: 'Davies', street: '7 Castle Lane', street2: '', postal_code: 'CF10 XYZ', city: 'Cardiff', country: 'GB', phone: '07723 441908' },
  { first_name: 'Jack', last_name: 'Evans', street: '19 Bridge Street', street2: '', postal_code: 'L1 8JQ', city: 'Liverpool', country: 'GB', phone: null },
  { first_name: '王', last_name: '小明', street: '88 Gerrard Street', street2: '', postal_code: 'W1D 5QD', city: 'London', country: 'GB', phone: '07956 310274' },
]

export function addressesFor(country: string): { ok: DemoAddress[]; broken: DemoAddress[] } {
  return country === 'GB' ? { ok: GB, broken: BROKEN_GB } : { ok: FR, broken: BROKEN_FR }
}
