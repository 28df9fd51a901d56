/**
 * Files cross the contract as base64 (JSON carries no bytes). btoa/atob work on "binary strings", so
 * bytes go through String.fromCharCode in chunks: one call per byte would be slow, one call for a
 * whole multi-megabyte file would overflow the argument limit.
 */
const CHUNK = 0x8000

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK))
  }
  return btoa(binary)
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}
