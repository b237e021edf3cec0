// What an operation that signs someone in hands back to its route: the cookie's token and what
// the browser's language and time-zone cookies should say.
export type SignedInPerson = {
  token: string
  expiresAt: Date
  user: { email: string; name: string; isStaff: boolean; locale: string | null; timeZone: string }
}
