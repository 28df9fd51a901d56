import type { AttributeDefinition, ElementType, ThreatTypeDefinition } from '../model/template'

/**
 * Small constructors that keep our cloud templates (azure.ts, aws.ts) readable as data. They build the
 * same `Template` shape a .tb7 file reads into, so the TMT rule engine runs our templates unchanged.
 */

/** TMT's convention for a list nobody has filled in yet: the first option, selected by default. */
export const NOT_SELECTED = 'Not Selected'

/** A user-editable list attribute; `Not Selected` comes first so a new element claims nothing. */
export function listAttribute(key: string, label: string, options: readonly string[]): AttributeDefinition {
  return { key, label, mode: 'dynamic', values: [NOT_SELECTED, ...options], extensions: {} }
}

export function yesNoAttribute(key: string, label: string): AttributeDefinition {
  return listAttribute(key, label, ['Yes', 'No'])
}

export interface StandardTypeSpec {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly parentId: string
  readonly attributes?: readonly AttributeDefinition[]
  /**
   * Words that name this service in diagrams drawn elsewhere ('rds', 'postgres', 'bucket'…): apply-template
   * matches element names and type ids against them (analysis/apply-template.ts).
   */
  readonly matchWords: readonly string[]
}

/** The key under which our templates keep what the TMT format has no field for. */
export const THREATWRIGHT_EXTENSION = 'threatwright'

/** A provider service under a generic parent; drawn like its parent (TMT's `Inherited`). */
export function standardType(spec: StandardTypeSpec): ElementType {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    parentId: spec.parentId,
    representation: 'inherited',
    hidden: false,
    attributes: spec.attributes ?? [],
    image: '',
    extensions: { [THREATWRIGHT_EXTENSION]: { matchWords: [...spec.matchWords] } }
  }
}

export type StrideLetter = 'S' | 'T' | 'R' | 'I' | 'D' | 'E'

export interface ThreatSpec {
  readonly id: string
  readonly category: StrideLetter
  readonly title: string
  readonly description: string
  readonly include: string
  readonly exclude?: string
  readonly priority: 'High' | 'Medium' | 'Low'
  readonly mitigation: string
}

/** The custom threat property that carries our suggested mitigation (declared in cloud-template-parts.ts). */
export const MITIGATION_PROPERTY_KEY = 'mitigation'

export function threatType(spec: ThreatSpec): ThreatTypeDefinition {
  return {
    id: spec.id,
    categoryId: spec.category,
    shortTitle: spec.title,
    description: spec.description,
    include: spec.include,
    exclude: spec.exclude ?? '',
    propertyDefaults: [
      { key: 'Priority', value: spec.priority },
      { key: MITIGATION_PROPERTY_KEY, value: spec.mitigation }
    ],
    extensions: {}
  }
}

/** `(subject is 'a' or subject is 'b')`: rule text for "one of these types". */
export function isAnyOf(subject: 'source' | 'target' | 'flow', typeIds: readonly string[]): string {
  const tests = typeIds.map((typeId) => `${subject} is '${typeId}'`)
  return tests.length === 1 ? tests[0]! : `(${tests.join(' or ')})`
}

/** True for a flow over any trust boundary, box or line, of any template type derived from the generic ones. */
export const CROSSES_ANY_BOUNDARY = "(flow crosses 'GE.TB.B' or flow crosses 'GE.TB.L')"
