import type { TemplateRef } from '../../../model/model'
import { DRAWN_KIND_OF_REPRESENTATION, type ElementType, type Template } from '../../../model/template'
import { GENERIC_ELEMENT_TYPES, type GenericElementType } from '../../../templates/generic'
import { findBuiltInTemplate } from '../../../templates/index'

/** The drag payload type of a palette entry (its type id): only our own canvas accepts it. */
export const PALETTE_MIME = 'application/x-threatwright-palette'

export type DrawnAs = GenericElementType['drawnAs']

/** One thing the palette can add: a generic DFD shape or a template's element type. */
export interface PaletteEntry {
  readonly typeId: string
  readonly label: string
  readonly description: string
  readonly drawnAs: DrawnAs
  /** 'Generic', or the template's name: the palette's section heading. */
  readonly group: string
}

const GENERIC_DRAWN_AS = new Map<string, DrawnAs>(GENERIC_ELEMENT_TYPES.map((type) => [type.typeId, type.drawnAs]))

/** The template a model refers to, if Threatwright ships it; other templates fall back to the generic types. */
export function templateOf(ref: TemplateRef | null): Template | null {
  return ref === null ? null : (findBuiltInTemplate(ref.id) ?? null)
}

/** The generic entries first (always there), then the template's own visible types, by name. */
export function paletteEntries(template: Template | null): PaletteEntry[] {
  const generic = GENERIC_ELEMENT_TYPES.map((type) => ({ ...type, group: 'Generic' }))
  if (template === null) return generic
  const types = new Map(template.elementTypes.map((type) => [type.id, type]))
  const drawnAs = (type: ElementType): DrawnAs | undefined => {
    const seen = new Set<string>()
    for (let current: ElementType | undefined = type; current && !seen.has(current.id); current = types.get(current.parentId)) {
      seen.add(current.id)
      const known = GENERIC_DRAWN_AS.get(current.id) ?? DRAWN_KIND_OF_REPRESENTATION[current.representation]
      if (known) return known
    }
    return undefined
  }
  const own = template.elementTypes.flatMap((type): PaletteEntry[] => {
    const kind = drawnAs(type)
    if (type.hidden || kind === undefined || GENERIC_DRAWN_AS.has(type.id)) return []
    return [{ typeId: type.id, label: type.name, description: type.description, drawnAs: kind, group: template.ref.name }]
  })
  return [...generic, ...own.sort((a, b) => a.label.localeCompare(b.label))]
}

/** Case-insensitive match on every word of the query, against label, description and type id. */
export function searchPalette(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '')
  if (words.length === 0) return [...entries]
  return entries.filter((entry) => {
    const text = `${entry.label} ${entry.description} ${entry.typeId}`.toLowerCase()
    return words.every((word) => text.includes(word))
  })
}
