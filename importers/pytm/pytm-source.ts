import { objectList } from './object-list'
import type { RawPytmItem } from './pytm-names'
import type { PytmReadContext } from './pytm-read-context'
import type { PytmShape } from './pytm-shape'

/** The named items of a pytm file by kind, in file order, whichever shape it has. */
export interface PytmSource {
  readonly shape: PytmShape
  readonly document: Readonly<Record<string, unknown>>
  readonly boundaries: readonly RawPytmItem[]
  readonly data: readonly RawPytmItem[]
  readonly elements: readonly RawPytmItem[]
  readonly flows: readonly RawPytmItem[]
}

export function collectSource(
  document: Readonly<Record<string, unknown>>,
  shape: PytmShape,
  context: PytmReadContext
): PytmSource {
  return {
    shape,
    document,
    boundaries: namedItems(document, 'boundaries', context),
    data: namedItems(document, 'data', context),
    elements: elementItems(document, shape, context),
    flows: namedItems(document, 'flows', context)
  }
}

/**
 * The dump writes every Actor and Asset twice, in `elements` and again in `actors`/`assets` (pytm.md §3
 * rule 1); `elements` is read, and the copies only when it is missing.
 */
function elementItems(document: Readonly<Record<string, unknown>>, shape: PytmShape, context: PytmReadContext): RawPytmItem[] {
  if (shape === 'loader' || 'elements' in document) return namedItems(document, 'elements', context)
  return [...namedItems(document, 'actors', context), ...namedItems(document, 'assets', context)]
}

/** Items of a top-level list; an entry that is not an object with a non-empty string name is an error. */
export function namedItems(document: Readonly<Record<string, unknown>>, key: string, context: PytmReadContext): RawPytmItem[] {
  return objectList(document, key, context).flatMap(({ object, path }) => {
    if (typeof object.name !== 'string' || object.name.trim() === '') {
      context.error('pytm.name.missing', `this entry of "${key}" has no name; pytm requires one`, path)
      return []
    }
    return [{ object, path, name: object.name }]
  })
}
