import { normalizePriority, normalizeStrideCategory, normalizeThreatState } from '../../model/normalize-enums'
import { asId, type DiagramId, type ElementId, type FlowId, type ThreatDefinitionId, type ThreatId } from '../../model/ids'
import type { Property, Threat, ThreatDefinition } from '../../model/model'
import { childElement, elementChildren, isNil, textContent } from '../xml/xml-query'
import { bagText } from './bag'
import type { XmlElement } from '../xml/xml-tree'
import { report, type ReadContext } from './read-context'
import { ARRAYS_NS, KNOWLEDGE_BASE_NS, NEVER_MODIFIED, ZERO_GUID } from './tm7-namespaces'
import { BUILT_IN_THREAT_KEYS, THREAT_FIELD_KEYS } from './threat-fields'
import { restoreThreatwrightFields } from './read-threatwright-entries'
import { isThreatwrightThreatKey, originFromTypeId } from './threatwright-threat-keys'

/** The threat's own string properties (`b:Properties`, a Dictionary<string,string>) in file order. */
export function threatPropertyEntries(value: XmlElement): { key: string; value: string; item: XmlElement }[] {
  const properties = childElement(value, 'Properties', KNOWLEDGE_BASE_NS)
  return (properties ? elementChildren(properties) : []).map((item) => ({
    key: textContent(childElement(item, 'Key', ARRAYS_NS)).trim(),
    value: textContent(childElement(item, 'Value', ARRAYS_NS)).trim(),
    item
  }))
}

/** threatPropertyEntries as a map by key, built without the entry objects (5,500 threats in the bench); a repeated key keeps its last value. */
function threatPropertyValues(value: XmlElement): Map<string, string> {
  const values = new Map<string, string>()
  const properties = childElement(value, 'Properties', KNOWLEDGE_BASE_NS)
  if (properties === undefined) return values
  for (const item of properties.children) {
    if (item.kind !== 'element') continue
    values.set(textContent(childElement(item, 'Key', ARRAYS_NS)).trim(), textContent(childElement(item, 'Value', ARRAYS_NS)).trim())
  }
  return values
}

const field = (value: XmlElement, local: string): XmlElement | undefined => childElement(value, local, KNOWLEDGE_BASE_NS)
const fieldText = (value: XmlElement, local: string): string | null => {
  const element = field(value, local)
  return element === undefined || isNil(element) ? null : textContent(element).trim()
}
const guidOrNull = (raw: string | null): string | null => (raw === null || raw === '' || raw === ZERO_GUID ? null : raw)

/**
 * ThreatInstances (tmt-format.md §8). The threat id is the dictionary key, verbatim: TMT's own
 * identity for the threat (TypeId + source + flow + target GUIDs), unique by construction and
 * searchable in the file; the numeric `b:Id` can repeat after hand edits and stays in the bag.
 * A threat Threatwright wrote under another key carries its id in `Threatwright.Id`. `idOf` gives the
 * id read from each entry, for the document skeleton's slots.
 */
export function readThreats(context: ReadContext, container: XmlElement | undefined): { threats: Threat[]; idOf: Map<XmlElement, string> } {
  const threats: Threat[] = []
  const idOf = new Map<XmlElement, string>()
  const seen = new Set<string>()
  const ids = new Set<string>()
  elementChildren(container ?? emptyElement).forEach((entry, index) => {
    const path = `/ThreatModel/ThreatInstances/${entry.name}[${index + 1}]`
    const value = childElement(entry, 'Value', ARRAYS_NS)
    const key = textContent(childElement(entry, 'Key', ARRAYS_NS)).trim()
    if (value === undefined || key === '') {
      report(context, 'tm7.malformed-threat', 'warning', 'a threat entry without key or value is dropped', path)
      return
    }
    if (seen.has(key)) {
      report(context, 'tm7.duplicate-threat', 'warning', `threat key "${key}" occurs twice; the second is dropped`, path)
      return
    }
    seen.add(key)
    let threat = readThreat(context, key, value, entry, path)
    if (ids.has(threat.id)) {
      report(context, 'tm7.duplicate-threat', 'warning', `threat id "${threat.id}" (Threatwright.Id) is used twice; this threat keeps its key "${key}" as id`, path)
      threat = { ...threat, id: asId<ThreatId>(key) }
    }
    ids.add(threat.id)
    idOf.set(entry, threat.id)
    threats.push(threat)
  })
  return { threats, idOf }
}

const emptyElement: XmlElement = { kind: 'element', name: '', uri: '', local: '', attributes: [], children: [] }

function readThreat(context: ReadContext, key: string, value: XmlElement, entry: XmlElement, path: string): Threat {
  const properties = threatPropertyValues(value)
  const typeId = fieldText(value, 'TypeId')
  const flowId = fieldText(value, 'FlowGuid') ?? ''
  // The typed fields are always nil; the text lives in b:Properties (tmt-format.md §8).
  const categoryRaw = properties.get(THREAT_FIELD_KEYS.category) ?? fieldText(value, 'UserThreatCategory')
  const priorityRaw = fieldText(value, 'Priority') ?? properties.get(THREAT_FIELD_KEYS.priority) ?? null
  const modifiedAt = fieldText(value, 'ModifiedAt')
  const customProperties: Property[] = []
  for (const [propertyKey, propertyValue] of properties) {
    if (BUILT_IN_THREAT_KEYS.has(propertyKey) || isThreatwrightThreatKey(propertyKey)) continue
    const label = context.catalog.propertyLabels.get(propertyKey) ?? propertyKey
    customProperties.push({ kind: 'string', key: propertyKey, label, value: propertyValue })
  }
  const stateRaw = fieldText(value, 'State') ?? 'AutoGenerated'
  const state = normalizeThreatState(stateRaw)
  if (state.value === null) {
    report(context, 'tm7.unknown-state', 'warning', `threat "${key}" has the unknown state "${stateRaw}"`, `${path}/a:Value/b:State`)
  }
  const base: Threat = {
    id: asId<ThreatId>(key),
    definitionId: typeId === null || typeId === '' ? null : asId<ThreatDefinitionId>(typeId),
    title: properties.get(THREAT_FIELD_KEYS.title) ?? fieldText(value, 'Title') ?? '',
    description: properties.get(THREAT_FIELD_KEYS.description) ?? fieldText(value, 'UserThreatDescription') ?? '',
    category: categoryRaw === null ? { value: null, raw: null } : normalizeStrideCategory(categoryRaw),
    target: {
      kind: 'interaction',
      sourceId: nullableId<ElementId>(fieldText(value, 'SourceGuid')),
      flowId: asId<FlowId>(flowId),
      targetId: nullableId<ElementId>(fieldText(value, 'TargetGuid'))
    },
    diagramId: nullableId<DiagramId>(fieldText(value, 'DrawingSurfaceGuid')),
    state,
    priority: priorityRaw === null || priorityRaw === '' ? null : normalizePriority(priorityRaw),
    severity: null,
    likelihood: null,
    impact: null,
    justification: properties.get(THREAT_FIELD_KEYS.justification) ?? fieldText(value, 'StateInformation') ?? '',
    mitigations: [],
    owner: '',
    ticket: '',
    reviewDate: null,
    changedBy: fieldText(value, 'ChangedBy'),
    changedAt: modifiedAt === null || modifiedAt === NEVER_MODIFIED || modifiedAt === '' ? null : modifiedAt,
    origin: originFromTypeId(typeId === '' ? null : typeId),
    customProperties,
    extensions: { tm7: { xml: bagText(entry) } }
  }
  const warn = (message: string): void => report(context, 'tm7.threatwright-entry', 'warning', `threat "${key}": ${message}`, `${path}/a:Value/b:Properties`)
  return restoreThreatwrightFields(base, properties, stateRaw, warn)
}

function nullableId<Id extends string>(raw: string | null): Id | null {
  const guid = guidOrNull(raw)
  return guid === null ? null : asId<Id>(guid)
}

/** The KB ThreatTypes the threats use, as the model's threat definitions (tmt-format.md §9.5). */
export function readThreatDefinitions(context: ReadContext, threats: readonly Threat[]): ThreatDefinition[] {
  const used = new Set(threats.map((threat) => threat.definitionId).filter((id): id is ThreatDefinitionId => id !== null))
  const definitions: ThreatDefinition[] = []
  for (const id of used) {
    const type = context.catalog.threatTypes.get(id)
    if (type === undefined) continue
    const categoryName = context.catalog.categoryNames.get(type.categoryId)
    // A one-letter id is STRIDE itself (S, T…); otherwise the category's name may be a STRIDE name.
    const byId = normalizeStrideCategory(type.categoryId)
    const category = byId.value !== null && type.categoryId.length === 1 ? byId : normalizeStrideCategory(categoryName ?? type.categoryId)
    definitions.push({
      id,
      title: type.shortTitle,
      description: type.description,
      category,
      defaultPriority: type.defaultPriority === null ? null : normalizePriority(type.defaultPriority),
      mitigations: '',
      references: [],
      extensions: { tm7: { categoryId: type.categoryId } }
    })
  }
  return definitions
}
