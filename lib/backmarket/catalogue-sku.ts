// How Back Market's catalogue compares SKUs, for every place that asks whether two SKUs name the
// same listing (a mapping's impact, a mismatch's suggestion). Order updates match exactly: this is
// the catalogue's rule only.

/** Back Market's catalogue treats SKUs case-insensitively (docs/backmarket.md §1.7). */
export function sameCatalogueSku(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en')
}
