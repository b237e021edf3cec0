// What every signed-in request knows about its caller. merchantId scopes every query.
export type SignedInUser = {
  userId: string
  merchantId: string
  email: string
  name: string
  /** Shown in the header; read with the session at no extra cost. */
  merchantName: string
}
