import type { ModelFormat } from '../format'
import { sniffJsonObject } from '../text/sniff-json'

/**
 * pytm has two JSON shapes (pytm.md §3–4): the loader's input, whose `elements` carry `__class__`, and
 * the `--json` dump, with `flows` and `boundaries` beside `actors`/`assets`. Neither has a version key.
 */
export function isPytmText(text: string): boolean {
  const document = sniffJsonObject(text)
  if (document === null) return false
  const { elements, flows, boundaries, actors, assets } = document
  const loaderShape =
    Array.isArray(elements) &&
    elements.some((element: unknown) => typeof element === 'object' && element !== null && '__class__' in element)
  const dumpShape = Array.isArray(flows) && Array.isArray(boundaries) && (Array.isArray(actors) || Array.isArray(assets))
  return loaderShape || dumpShape
}

/** Recognised only: the reader is still to come. */
export const pytmFormat: ModelFormat = {
  id: 'pytm',
  label: 'pytm model',
  extensions: ['.json'],
  detect: isPytmText
}
