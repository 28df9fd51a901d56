import { sniffJsonObject } from '../text/sniff-json'

/**
 * pytm writes one JSON shape and reads another (pytm.md §3–4). The loader's input (`pytm.load`) lists
 * `elements` carrying `__class__`, with no `assets`; the `--json` dump adds `actors`/`assets` copies,
 * `findings` and `threatsFile`, and writes enums as `"Classification.SECRET"`. Neither has a version key.
 */
export type PytmShape = 'loader' | 'dump'

const DUMP_KEYS = ['actors', 'assets', 'findings', 'threatsFile', 'excluded_findings'] as const

export function pytmShapeOf(document: Readonly<Record<string, unknown>>): PytmShape {
  return DUMP_KEYS.some((key) => key in document) ? 'dump' : 'loader'
}

/** Content detection for the registry: either shape, cheaply, never throwing. */
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
