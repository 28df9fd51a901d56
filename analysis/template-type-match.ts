import { DRAWN_KIND_OF_REPRESENTATION, type DrawnKind, type ElementType, type Template } from '../model/template'
import { ROOT_TYPE_ID } from './tmt-rules/type-hierarchy'

/** What an item is drawn as: the kinds a template type must share with it to replace its type. */

/** TMT's generic ids (tmt-format.md §9.3), which most templates keep at the root of their hierarchy. */
const GENERIC_TYPE_IDS: Readonly<Record<DrawnKind, string>> = {
  process: 'GE.P',
  externalInteractor: 'GE.EI',
  dataStore: 'GE.DS',
  annotation: 'GE.A',
  flow: 'GE.DF',
  boxBoundary: 'GE.TB.B',
  lineBoundary: 'GE.TB.L'
}

/** Words too common in type names to say anything about what a thing is. */
const NOISE_WORDS = new Set(['generic', 'the', 'a', 'an', 'of', 'and', 'or', 'with', 'for', 'azure', 'aws', 'amazon', 'microsoft'])

export interface TypeMatcher {
  /** The template's generic type for a kind, or null when the template has none. */
  readonly genericType: (kind: DrawnKind) => ElementType | null
  /** The non-generic type of this kind whose words best match the item's type id and name, or null. */
  readonly byName: (kind: DrawnKind, typeId: string, name: string) => ElementType | null
}

export function typeMatcher(template: Template): TypeMatcher {
  const types = new Map(template.elementTypes.map((type) => [type.id, type]))
  const rootOf = (type: ElementType): ElementType => {
    const seen = new Set<string>()
    let current = type
    for (let parent = types.get(current.parentId); parent && !seen.has(parent.id); parent = types.get(current.parentId)) {
      seen.add(current.id)
      current = parent
    }
    return current
  }
  const kindOfRoot = (root: ElementType): DrawnKind | undefined =>
    (Object.keys(GENERIC_TYPE_IDS) as DrawnKind[]).find((kind) => GENERIC_TYPE_IDS[kind] === root.id) ??
    DRAWN_KIND_OF_REPRESENTATION[root.representation]
  const isRoot = (type: ElementType): boolean => type.parentId === ROOT_TYPE_ID || !types.has(type.parentId)
  const candidates = template.elementTypes
    .filter((type) => !type.hidden && !isRoot(type))
    .map((type) => ({ type, kind: kindOfRoot(rootOf(type)), words: new Set(typeWords(type)) }))
  return {
    genericType: (kind) =>
      types.get(GENERIC_TYPE_IDS[kind]) ??
      template.elementTypes.find((type) => isRoot(type) && DRAWN_KIND_OF_REPRESENTATION[type.representation] === kind) ??
      null,
    byName: (kind, typeId, name) => {
      const itemWords = new Set([...wordsOf(typeId), ...wordsOf(name)])
      let best: { type: ElementType; score: number } | null = null
      for (const candidate of candidates) {
        if (candidate.kind !== kind) continue
        const score = [...itemWords].filter((word) => candidate.words.has(word)).length
        // Strictly greater: on a tie the type listed first in the template wins, so results are stable.
        if (score > 0 && (best === null || score > best.score)) best = { type: candidate.type, score }
      }
      return best?.type ?? null
    }
  }
}

/**
 * Our templates list the words a service goes by (`matchWords`, template-builder.ts); other templates
 * (.tb7) are matched on the words of their type names.
 */
function typeWords(type: ElementType): string[] {
  const bag = type.extensions['threatwright']
  const listed = bag !== null && typeof bag === 'object' && !Array.isArray(bag) ? bag['matchWords'] : undefined
  if (Array.isArray(listed)) return listed.filter((word): word is string => typeof word === 'string').map((word) => word.toLowerCase())
  return wordsOf(type.name)
}

/** 'sqlDatabase', 'Orders DB', 'SE.P.TMCore.WebApp' → lower-case words, with plurals also in the singular. */
export function wordsOf(text: string): string[] {
  const spaced = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
  const words = spaced
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !NOISE_WORDS.has(word))
  return words.flatMap((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? [word, word.slice(0, -1)] : [word]))
}
