// Prisma turns `contains`, `startsWith`, `endsWith`, and `equals` with `mode: 'insensitive'`, into
// LIKE / ILIKE on PostgreSQL and passes our value as the pattern unescaped (prisma/prisma#10810,
// #19506, #20318): a `%` or `_` a merchant typed matched other rows, and a trailing `\` was a 500
// ("LIKE pattern must not end with escape character"). Every such filter takes its value from here.

/** The value as a LIKE pattern matching only itself (PostgreSQL's default escape is `\`). */
export function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&')
}

/** A Prisma string filter: equal to `value`, ignoring case, and nothing else. */
export function equalsIgnoringCase(value: string) {
  return { equals: escapeLikePattern(value), mode: 'insensitive' as const }
}
