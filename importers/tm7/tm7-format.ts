import type { ModelFormat } from '../format'
import { readTm7 } from './read-tm7'
import { isTm7Text } from './tm7-sniff'
import { writeTm7 } from './write-tm7'

/** Zip magic as leniently decoded text: "PK\x03\x04". */
const ZIP_TEXT = 'PK\u0003\u0004'

/**
 * Microsoft Threat Modeling Tool models. Detection also claims zip archives: public repositories hold
 * zips named .tm7 (tmt-format.md §1), and the reader then says plainly that the file is a zip, instead
 * of the registry's "not a format Threatwright can read".
 */
export const tm7Format: ModelFormat = {
  id: 'tm7',
  label: 'Microsoft Threat Modeling Tool model',
  extensions: ['.tm7'],
  detect: (text) => text.startsWith(ZIP_TEXT) || isTm7Text(text),
  read: readTm7,
  write: writeTm7
}
