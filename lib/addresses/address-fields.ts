// The address's fields, in form order, with their English labels (the schema's messages): without
// zod, so the browser's address form can list its fields before it loads any schema
// (docs/benchmarks.md: the page's first JavaScript).
export const ADDRESS_FIELD_LABELS = {
  company: 'Company',
  firstName: 'First name',
  lastName: 'Last name',
  street: 'Street',
  street2: 'Street 2',
  postalCode: 'Postcode',
  city: 'City',
  country: 'Country',
  phone: 'Phone',
  email: 'Email',
} as const

/** In form order. */
export const ADDRESS_FIELDS = Object.keys(ADDRESS_FIELD_LABELS) as Array<keyof typeof ADDRESS_FIELD_LABELS>
