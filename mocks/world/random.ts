/** Deterministic randomness: the demo world must be identical on every start. */

/** A 32-bit string hash (xmur3) used to derive seeds from names. */
export function hashString(text: string): number {
  let h = (1779033703 ^ text.length) | 0
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), -862048943)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), -2048144789)
  h = Math.imul(h ^ (h >>> 13), -1028477387)
  return (h ^ (h >>> 16)) >>> 0
}

export interface Rng {
  /** uniform in [0, 1) */
  next(): number
  /** integer in [min, max] */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** mulberry32, seeded from a string so every generator has its own stable stream. */
export function rng(seed: string): Rng {
  let a = hashString(seed)
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from empty list')
      return item
    },
    chance: (p) => next() < p,
  }
}

/** `length` lowercase hex characters derived from `seed` (fingerprints, commits, ids). */
export function hex(seed: string, length: number): string {
  let a = hashString(seed)
  let out = ''
  while (out.length < length) {
    a = (a + 0x6d2b79f5) | 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    out += ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, '0')
  }
  return out.length === length ? out : out.slice(0, length)
}

/** A Kosli-style id: a UUID truncated to 32 characters. */
export function kosliId(seed: string): string {
  const h = hex(`id:${seed}`, 28)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 28)}`
}
