import type { ElementKind } from './enums'
import type { TemplateRef } from './model'
import type { Extensions } from './json'

/**
 * A template (TMT knowledge base, our own Azure/AWS templates): the element types a palette offers, the
 * properties their instances get, and the threat types with their generation rules. Read from a .tb7
 * file or from the KnowledgeBase embedded in a .tm7 (tmt-format.md §9); both give this one shape.
 */
export interface Template {
  /** Identity is id + version + name: ids are reused across templates (tmt-format.md §9.2). */
  readonly ref: TemplateRef
  readonly author: string
  readonly elementTypes: readonly ElementType[]
  readonly threatCategories: readonly ThreatCategoryDefinition[]
  readonly threatTypes: readonly ThreatTypeDefinition[]
  /** The threat property schema (TMT ThreatMetaData). */
  readonly threatProperties: readonly ThreatPropertyDefinition[]
  readonly isPriorityUsed: boolean
  readonly isStatusUsed: boolean
  readonly extensions: Extensions
}

/** How a type is drawn. `inherited` takes the parent's (181 of 1063 corpus types do). */
export type Representation =
  | 'ellipse'
  | 'rectangle'
  | 'parallelLines'
  | 'line'
  | 'lineBoundary'
  | 'borderBoundary'
  | 'annotation'
  | 'inherited'

/** What a type is drawn as on a diagram: an element kind, a flow, or a box or line boundary. */
export type DrawnKind = ElementKind | 'flow' | 'boxBoundary' | 'lineBoundary'

/**
 * How a representation is drawn. Templates whose root types have GUID ids (AWS in TMT, smart grid…) are
 * recognised by this; `inherited` is absent on purpose: it means "ask the parent".
 */
export const DRAWN_KIND_OF_REPRESENTATION: Readonly<Partial<Record<Representation, DrawnKind>>> = {
  ellipse: 'process',
  rectangle: 'externalInteractor',
  parallelLines: 'dataStore',
  annotation: 'annotation',
  line: 'flow',
  borderBoundary: 'boxBoundary',
  lineBoundary: 'lineBoundary'
}

export interface ElementType {
  readonly id: string
  readonly name: string
  readonly description: string
  /** The parent type's id; `ROOT` for generic types (the hierarchy ends there). */
  readonly parentId: string
  readonly representation: Representation
  readonly hidden: boolean
  readonly attributes: readonly AttributeDefinition[]
  /** Base64 PNG icon, or '' when the type has none. */
  readonly image: string
  readonly extensions: Extensions
}

export interface AttributeDefinition {
  /** The key rules use (`authenticatesSource`, or a GUID for attributes made in TMT's template editor). */
  readonly key: string
  readonly label: string
  /** `dynamic` values are editable per element, `static` ones are fixed by the type. */
  readonly mode: 'dynamic' | 'static'
  readonly values: readonly string[]
  readonly extensions: Extensions
}

export interface ThreatCategoryDefinition {
  readonly id: string
  readonly name: string
  readonly shortDescription: string
  readonly longDescription: string
  readonly extensions: Extensions
}

export interface ThreatTypeDefinition {
  readonly id: string
  readonly categoryId: string
  /** Text templates with `{source.Name}`, `{target.Name}`, `{flow.Name}` placeholders. */
  readonly shortTitle: string
  readonly description: string
  /** GenerationFilters rule text, verbatim (tmt-rules.md); '' when absent. */
  readonly include: string
  readonly exclude: string
  /** Default values of threat properties for this type (Priority, Azure's possible mitigations…). */
  readonly propertyDefaults: readonly { readonly key: string; readonly value: string }[]
  readonly extensions: Extensions
}

export interface ThreatPropertyDefinition {
  readonly id: string
  /** The key threat instances use (`Title`, `Priority`, or a GUID for custom properties). */
  readonly key: string
  readonly label: string
  readonly hideFromUi: boolean
  readonly values: readonly string[]
  /** TMT AttributeType: 0 free text, 1 list, 2 long text (unverified, tmt-format.md §9.4). */
  readonly attributeType: number
  readonly extensions: Extensions
}
