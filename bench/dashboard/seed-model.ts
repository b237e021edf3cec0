// The seed's sizes and its deterministic building blocks (SQL expressions): ids, references and
// the vocabulary rows are drawn from, all derived from hashes of merchant and order numbers (no
// random()), so two runs hold the same data.

export type SeedSizes = { merchants: number; ordersPerMerchant: number; attemptsPerMerchant: number }

export const FULL_SIZES: SeedSizes = { merchants: 1_000, ordersPerMerchant: 1_000, attemptsPerMerchant: 200 }
export const QUICK_SIZES: SeedSizes = { merchants: 20, ordersPerMerchant: 1_000, attemptsPerMerchant: 200 }


/** A uniform number in [0, 1) from a bigint key and a salt: the same on every run. */
export const rnd = (key: string, salt: number) => `((hashint8extended((${key})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`
export const merchantUuid = (m: string) => `md5('bench-merchant-' || (${m}))::uuid`
export const userUuid = (m: string) => `md5('bench-user-' || (${m}))::uuid`
export const orderUuid = (m: string, j: string) => `md5('bench-order-' || (${m}) || '-' || (${j}))::uuid`
export const taskUuid = (m: string, t: string) => `md5('bench-task-' || (${m}) || '-' || (${t}))::uuid`

/**
 * Back Market order ids are global, increasing 8-digit numbers: order j of merchant m is
 * 40,000,000 + j·W + a per-j permutation of the merchants (37 is coprime with W), so a merchant's
 * orders are spread over the whole id range like a real seller's among thousands of others, a
 * 4-digit prefix matches about ten of them, and no id repeats across merchants.
 */
export function referenceSql(m: string, j: string, width: number): string {
  return `(40000000 + (${j})::bigint * ${width} + (((${m}) * 37 + (${j}) * 101) % ${width}))`
}
export function referenceWidth(merchants: number): number {
  return Math.max(1000, 10 ** Math.ceil(Math.log10(merchants)))
}
/** The same formula in JS, for the benchmark's choice of references to search. */
export function referenceOf(m: number, j: number, width: number): string {
  return String(40_000_000 + j * width + ((m * 37 + j * 101) % width))
}

export const MARKETS = `(ARRAY['fr-fr','de-de','es-es','it-it','en-gb'])`
export const CURRENCIES = `(ARRAY['EUR','EUR','EUR','EUR','GBP'])`
export const COUNTRIES = `(ARRAY['FR','DE','ES','IT','GB'])`
export const FIRST = `(ARRAY['Camille','Léa','Hugo','Lucas','Emma','Jonas','Sofia','Marco','Lucía','Pablo','Oliver','Amelia','Noah','Chloé','Giulia','Matteo','Hannah','Felix','Inès','Louis','Carmen','Diego','Freya','Arthur'])`
export const LAST = `(ARRAY['Martin','Bernard','Dubois','Müller','Schmidt','García','Fernández','Rossi','Russo','Smith','Jones','Taylor','Moreau','Lefèvre','Weber','Wagner','López','Martínez','Bianchi','Romano','Brown','Wilson','Petit','Roux'])`
export const STREETS = `(ARRAY['rue de la Paix','Hauptstraße','Calle Mayor','Via Roma','High Street','avenue Jean Jaurès','Bahnhofstraße','Gran Vía','Corso Italia','Station Road','boulevard Voltaire','Lindenstraße'])`
// Four cities per market, in MARKETS order.
export const CITIES = `(ARRAY['Paris','Lyon','Marseille','Lille','Berlin','Hamburg','München','Köln','Madrid','Barcelona','Valencia','Sevilla','Roma','Milano','Napoli','Torino','London','Manchester','Bristol','Leeds'])`
export const PRODUCTS = `(ARRAY['iPhone 13 128GB','iPhone 12 64GB','iPhone 14 Pro 256GB','Galaxy S22 128GB','Galaxy A54 128GB','Pixel 7 128GB','iPad Air 64GB','MacBook Air M1 256GB','AirPods Pro','Apple Watch SE 40mm','Switch OLED','iPhone SE 2022 64GB'])`
export const GRADES = `(ARRAY['Fair','Good','Excellent'])`
export const SHIPPERS = `(ARRAY['Colissimo','DHL Express','UPS','Royal Mail','Chronopost'])`
export const NOT_FOUND_MESSAGE = "We couldn't find a matching order_id and/or SKU on Backmarket. Please update your order manually on Backmarket."

/** UTC "now" as a timestamp literal: the columns are timestamp(3) without time zone, in UTC. */
export function utcLiteral(d: Date): string {
  return `'${d.toISOString().replace('T', ' ').replace('Z', '')}'::timestamp`
}


// Order lines: a SKU from a 300-product catalogue per merchant, and its price.
export const lineSku = (k: string, l: string) => `floor(${rnd(`(${k}) * 4 + (${l})`, 4)} * 300)::int`
export const skuText = (idx: string) => `'SKU-' || lpad((${idx})::text, 4, '0')`
export const skuTitle = (idx: string) => `${PRODUCTS}[(${idx}) % 12 + 1] || ' — ' || ${GRADES}[(${idx}) % 3 + 1]`
export const skuPrice = (idx: string) => `(79 + ((${idx}) * 37) % 900 + 0.99)::numeric(12,2)`
export const lineState = (status: string) =>
  `CASE ${status} WHEN 'CREATED' THEN 1 WHEN 'CANCELLED' THEN 4 WHEN 'IN_TRANSIT' THEN 3 WHEN 'DELIVERED' THEN 3 ELSE 2 END`

