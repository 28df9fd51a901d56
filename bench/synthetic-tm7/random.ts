/**
 * A seeded pseudo-random source (mulberry32), so the synthetic model is the same bytes on every machine
 * and every run: benchmark numbers stay comparable across commits.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  integer(below: number): number
  pick<T>(items: readonly T[]): T
  guid(): string
  /** Words from our own small vocabulary, as a sentence. */
  sentence(words: number): string
  /** `length` random bytes. */
  bytes(length: number): Uint8Array
}

// Our own vocabulary: every text in the synthetic file is generated from it, none is copied from a template.
const VOCABULARY = [
  'gateway', 'ledger', 'token', 'queue', 'replica', 'tenant', 'payload', 'session', 'archive', 'worker',
  'secret', 'channel', 'cache', 'audit', 'portal', 'broker', 'sensor', 'vault', 'schema', 'policy',
  'may', 'be', 'read', 'altered', 'replayed', 'forged', 'exhausted', 'leaked', 'by', 'an', 'attacker',
  'when', 'the', 'is', 'not', 'checked', 'signed', 'encrypted', 'isolated', 'rotated', 'logged'
]

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  const integer = (below: number): number => Math.floor(next() * below)
  const hex = (digits: number): string => {
    let text = ''
    for (let index = 0; index < digits; index += 1) text += integer(16).toString(16)
    return text
  }
  return {
    next,
    integer,
    pick: <T>(items: readonly T[]): T => {
      const item = items[integer(items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    guid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'.charAt(integer(4))}${hex(3)}-${hex(12)}`,
    sentence: (words) => {
      const chosen = Array.from({ length: words }, () => VOCABULARY[integer(VOCABULARY.length)] ?? 'data')
      const text = chosen.join(' ')
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
    },
    bytes: (length) => Uint8Array.from({ length }, () => integer(256))
  }
}
