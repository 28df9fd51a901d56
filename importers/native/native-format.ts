import type { ModelFormat } from '../format'
import { sniffJsonObject } from '../text/sniff-json'
import { NATIVE_FORMAT_MARKER } from './native-marker'
import { readNative } from './read-native'
import { writeNative } from './write-native'

/**
 * Our writer sorts keys, so "format" is the first key of every file it wrote: a prefix match recognises
 * those files even when they were truncated or damaged later, so the reader can say where the JSON breaks.
 */
const WRITTEN_BY_US = new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${NATIVE_FORMAT_MARKER}"`)

/** True for a Threatwright file, whatever its format version (the reader reports versions it cannot read). */
export function isNativeText(text: string): boolean {
  if (WRITTEN_BY_US.test(text)) return true
  return sniffJsonObject(text)?.format === NATIVE_FORMAT_MARKER
}

export const nativeFormat: ModelFormat = {
  id: 'native',
  label: 'Threatwright model',
  extensions: ['.twm'],
  detect: isNativeText,
  read: readNative,
  write: writeNative
}
