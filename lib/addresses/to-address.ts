// Row ↔ address, one way for both: the ten address fields of anything that carries them (an
// order_address row, Back Market's address as imported, an edited address) and nothing else, so
// the same object is read as an Address and written as a row's data. The fields come from
// ADDRESS_FIELDS alone: a field added there reaches every copy.
import { ADDRESS_FIELDS, type Address } from './address-schema'

export function toAddress(source: Address): Address {
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, source[f]])) as Address
}
