/**
 * Bytes to text for readers and for content sniffing. Readers receive bytes (ReadInput) and never guess an
 * encoding: the formats we read are UTF-8 (TMT's XML, Threagile's YAML and every JSON format), so anything
 * else is refused with a reason a reviewer can act on.
 */
export type DecodedText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'refused'; readonly reason: string }

const utf8Strict = new TextDecoder('utf-8', { fatal: true })
const utf8Lenient = new TextDecoder('utf-8')

/** Strict UTF-8: a UTF-8 byte-order mark is dropped; UTF-16, NUL bytes and invalid sequences are refused. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  if (utf16ByteOrder(bytes) !== null) {
    return { kind: 'refused', reason: 'is UTF-16 text; save it as UTF-8 and open it again' }
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) return { kind: 'refused', reason: `is binary, not text (a NUL byte at offset ${nul})` }
  try {
    // TextDecoder drops a leading UTF-8 BOM by default (ignoreBOM: false).
    return { kind: 'text', text: utf8Strict.decode(bytes) }
  } catch {
    return {
      kind: 'refused',
      reason: 'is not valid UTF-8 text (it may be binary, or saved in another encoding such as Windows-1252)'
    }
  }
}

/**
 * Lenient decoding for format detection only: never throws, follows a UTF-16 byte-order mark, and
 * replaces invalid UTF-8 so a sniffer can still look at the structure.
 */
export function decodeForDetection(bytes: Uint8Array): string {
  const byteOrder = utf16ByteOrder(bytes)
  try {
    return byteOrder !== null ? new TextDecoder(byteOrder).decode(bytes) : utf8Lenient.decode(bytes)
  } catch {
    // A runtime without UTF-16 support (small-ICU builds) still must not make detection throw.
    return ''
  }
}

function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}
