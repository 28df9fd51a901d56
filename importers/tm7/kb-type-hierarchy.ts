import type { ElementKind } from '../../model/enums'
import { childElement, elementChildren, textContent } from '../xml/xml-query'
import type { XmlElement } from '../xml/xml-tree'
import { KNOWLEDGE_BASE_NS } from './tm7-namespaces'

/** What a stencil or line is, decided through the embedded knowledge base (tmt-format.md §9.3). */
export type StencilClass =
  | { readonly kind: 'element'; readonly elementKind: ElementKind }
  | { readonly kind: 'boxBoundary' }
  | { readonly kind: 'lineBoundary' }
  | { readonly kind: 'flow' }

interface TypeEntry {
  readonly name: string
  readonly parentId: string
  readonly representation: string
}

/** SDL core's generic roots (tmt-format.md §9.3); other templates use GUID roots, classified by Representation. */
const GENERIC_ROOTS: Readonly<Record<string, StencilClass>> = {
  'GE.P': { kind: 'element', elementKind: 'process' },
  'GE.EI': { kind: 'element', elementKind: 'externalInteractor' },
  'GE.DS': { kind: 'element', elementKind: 'dataStore' },
  'GE.A': { kind: 'element', elementKind: 'annotation' },
  'GE.DF': { kind: 'flow' },
  'GE.TB.B': { kind: 'boxBoundary' },
  'GE.TB.L': { kind: 'lineBoundary' }
}

const REPRESENTATIONS: Readonly<Record<string, StencilClass>> = {
  Ellipse: { kind: 'element', elementKind: 'process' },
  Rectangle: { kind: 'element', elementKind: 'externalInteractor' },
  ParallelLines: { kind: 'element', elementKind: 'dataStore' },
  Annotation: { kind: 'element', elementKind: 'annotation' },
  Line: { kind: 'flow' },
  BorderBoundary: { kind: 'boxBoundary' },
  LineBoundary: { kind: 'lineBoundary' }
}

/** Id → parent and representation of every element type of a `<KnowledgeBase>` (generic and standard). */
export interface TypeHierarchy {
  readonly types: ReadonlyMap<string, TypeEntry>
}

export function readTypeHierarchy(knowledgeBase: XmlElement | undefined): TypeHierarchy {
  const types = new Map<string, TypeEntry>()
  for (const list of ['GenericElements', 'StandardElements']) {
    const container = knowledgeBase && childElement(knowledgeBase, list, KNOWLEDGE_BASE_NS)
    for (const type of container ? elementChildren(container) : []) {
      const id = textContent(childElement(type, 'Id', KNOWLEDGE_BASE_NS)).trim()
      if (id === '' || types.has(id)) continue
      types.set(id, {
        name: textContent(childElement(type, 'Name', KNOWLEDGE_BASE_NS)).trim(),
        parentId: textContent(childElement(type, 'ParentId', KNOWLEDGE_BASE_NS)).trim(),
        representation: textContent(childElement(type, 'Representation', KNOWLEDGE_BASE_NS)).trim()
      })
    }
  }
  return { types }
}

/**
 * The type's class: walk ParentId up to a known generic root (SDL's GE.* ids) or, for templates with
 * GUID roots, take the generic root's Representation (the AWS template draws a "Database" standard
 * element as a Rectangle under a data-store root, tmt-format.md §5); when that says nothing, the
 * nearest Representation that is not `Inherited`. Null when the type is not in the knowledge base
 * (the caller falls back to the drawing shape).
 */
export function classifyType(hierarchy: TypeHierarchy, typeId: string): StencilClass | null {
  const seen = new Set<string>()
  let nearest: StencilClass | null = null
  let rootRepresentation: StencilClass | null = null
  for (let id: string | undefined = typeId; id !== undefined && id !== 'ROOT' && !seen.has(id); ) {
    seen.add(id)
    const generic = GENERIC_ROOTS[id]
    if (generic !== undefined) return generic
    const entry = hierarchy.types.get(id)
    if (entry === undefined) break
    const representation = REPRESENTATIONS[entry.representation] ?? null
    nearest ??= representation
    if (entry.parentId === 'ROOT') rootRepresentation = representation
    id = entry.parentId
  }
  return rootRepresentation ?? nearest
}

/** The generic root id of a type (what TMT writes as GenericTypeId), or null when the chain is broken. */
export function genericRootOf(hierarchy: TypeHierarchy, typeId: string): string | null {
  const seen = new Set<string>()
  for (let id = typeId; !seen.has(id); ) {
    seen.add(id)
    const entry = hierarchy.types.get(id)
    if (entry === undefined) return null
    if (entry.parentId === 'ROOT') return id
    id = entry.parentId
  }
  return null
}
