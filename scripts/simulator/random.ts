// The simulator's only source of chance, passed in: the loop uses Math.random, tests a seed.
export type Random = () => number

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An integer in [min, max]. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

export function pickOne<T>(random: Random, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)]
}

export function digits(random: Random, n: number): string {
  return Array.from({ length: n }, () => randomInt(random, 0, 9)).join('')
}

export function letters(random: Random, n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(65 + randomInt(random, 0, 25))).join('')
}
