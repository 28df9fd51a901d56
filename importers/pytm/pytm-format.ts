import type { ModelFormat } from '../format'
import { isPytmText } from './pytm-shape'
import { readPytm } from './read-pytm'
import { writePytm } from './write-pytm'

/** pytm JSON: reads both the loader input and the `--json` dump; writes the loader input (pytm.md §4). */
export const pytmFormat: ModelFormat = {
  id: 'pytm',
  label: 'pytm model',
  extensions: ['.json'],
  detect: isPytmText,
  read: readPytm,
  write: writePytm
}
