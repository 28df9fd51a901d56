/**
 * Format-blind mutations on raw bytes: what a half-copied download, a bad disk sector or a hostile
 * sender does to a file. Every position is a natural number taken modulo the input length, so the same
 * fast-check value applies to any seed and shrinks towards "early in the file".
 */
import fc from 'fast-check'

export type ByteMutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'overwrite'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert-huge'; readonly at: number; readonly text: string; readonly repeat: number }

const position = fc.nat()
const someBytes = fc.uint8Array({ minLength: 1, maxLength: 64 })

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('overwrite' as const), at: position, bytes: someBytes }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: someBytes }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 4096 }) }),
  // Up to ~1 MB: big enough to find quadratic work, small enough that the file stays under the 5 MB budget.
  fc.record({
    kind: fc.constant('insert-huge' as const),
    at: position,
    text: fc.constantFrom('A', '<', '&', '"', '\\', '{', '[', ' ', '\n', '\u00e9', '\u{1F600}', '\0'),
    repeat: fc.integer({ min: 1000, max: 1_000_000 })
  })
)

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length)
  out.set(bytes.subarray(0, at), 0)
  out.set(insert, at)
  out.set(bytes.subarray(at + remove), at + insert.length)
  return out
}

export function applyByteMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : mutation.at % (bytes.length + 1)
  switch (mutation.kind) {
    case 'truncate':
      return bytes.slice(0, at)
    case 'overwrite': {
      const out = bytes.slice()
      out.set(mutation.bytes.subarray(0, Math.max(0, out.length - at)), Math.min(at, out.length))
      return out
    }
    case 'insert':
      return splice(bytes, at, 0, mutation.bytes)
    case 'delete':
      return splice(bytes, at, Math.min(mutation.length, bytes.length - at), new Uint8Array())
    case 'duplicate':
      return splice(bytes, at, 0, bytes.slice(at, at + mutation.length))
    case 'insert-huge':
      return splice(bytes, at, 0, new TextEncoder().encode(mutation.text.repeat(mutation.repeat)))
  }
}
