import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { Canonical } from '../../model/enums'
import { normalizePriority, normalizeStrideCategory } from '../../model/normalize-enums'
import type { Flow, Threat, ThreatModel } from '../../model/model'
import { childElement, isNil, textContent } from '../xml/xml-query'
import { xmlFromJson, type NamespaceScope } from '../xml/xml-json'
import type { XmlElement, XmlNode } from '../xml/xml-tree'
import { bagXml } from './bag'
import { ARRAYS_NS, KNOWLEDGE_BASE_NS, NEVER_MODIFIED, ZERO_GUID } from './tm7-namespaces'
import { FROZEN_THREAT_KEYS, THREAT_FIELD_KEYS, TMT_CATEGORIES, TMT_PRIORITIES, TMT_STATES, threatPropertyText, tmtStateText } from './threat-fields'
import type { PropertyLabels } from './threatwright-threat-keys'
import { interactionOf, isAboutFlow, preferredKey, uniqueKeys, type Interaction } from './write-threat-keys'
import { threatwrightEntries } from './write-threatwright-entries'
import { appendChildren, element, keepOrSet, member, updateChild, withChildren } from './xml-build'

/** The raw spelling when it still means the canonical value, else TMT's spelling of the value. */
function spell<Value extends string>(value: Canonical<Value>, normalize: (raw: string) => Canonical<Value>, spellings: Partial<Record<Value, string>>): string | null {
  if (value.raw !== null && normalize(value.raw).value === value.value) return value.raw
  return value.value === null ? value.raw : (spellings[value.value] ?? null)
}

interface ThreatValues {
  readonly key: string
  readonly fields: Readonly<Record<string, string | null>>
  /** Values of `b:Properties` entries by key. */
  readonly properties: ReadonlyMap<string, string>
  /** The Threatwright entries among them, in the order a new entry lists them. */
  readonly carried: readonly [string, string][]
}

function valuesOf(threat: Threat, interaction: Interaction, key: string, labels: PropertyLabels): ThreatValues {
  const priority = threat.priority === null ? null : spell(threat.priority, normalizePriority, TMT_PRIORITIES)
  const category = spell(threat.category, normalizeStrideCategory, TMT_CATEGORIES) ?? ''
  const properties = new Map<string, string>([
    [THREAT_FIELD_KEYS.title, threat.title],
    [THREAT_FIELD_KEYS.category, category],
    [THREAT_FIELD_KEYS.description, threat.description],
    [THREAT_FIELD_KEYS.justification, threat.justification]
  ])
  if (priority !== null) properties.set(THREAT_FIELD_KEYS.priority, priority)
  for (const property of threat.customProperties) properties.set(property.key, threatPropertyText(property))
  const carried = threatwrightEntries(threat, key, labels)
  for (const [entryKey, value] of carried) properties.set(entryKey, value)
  return {
    key,
    fields: {
      ChangedBy: threat.changedBy,
      DrawingSurfaceGuid: threat.diagramId ?? ZERO_GUID,
      FlowGuid: interaction.flow,
      InteractionKey: `${interaction.source}:${interaction.flow}:${interaction.target}`,
      ModifiedAt: threat.changedAt ?? NEVER_MODIFIED,
      Priority: priority,
      SourceGuid: interaction.source,
      State: tmtStateText(threat.state),
      TargetGuid: interaction.target,
      TypeId: threat.definitionId
    },
    properties,
    carried
  }
}

export interface ThreatWriting {
  readonly nodes: Map<string, XmlElement>
  readonly diagnostics: Diagnostic[]
}

/** Every threat's dictionary entry by threat id: TMT's fields, plus Threatwright entries for what they cannot hold. */
export function writeThreats(model: ThreatModel, scope: NamespaceScope, labels: PropertyLabels): ThreatWriting {
  const flows = new Map<string, Flow>()
  for (const diagram of model.diagrams) for (const flow of diagram.flows) flows.set(flow.id, flow)
  const diagnostics: Diagnostic[] = []
  const decoded = model.threats.map((threat) => {
    const json = bagXml(threat.extensions.tm7)
    const entry = json === null ? null : xmlFromJson(json, { scope })
    const interaction = interactionOf(threat, flows)
    return { threat, entry, interaction, preferred: preferredKey(threat, entry, interaction) }
  })
  const keys = uniqueKeys(decoded.map(({ threat, preferred }) => ({ id: threat.id, ...preferred })))
  let nextId = 1 + Math.max(0, ...decoded.map(({ entry }) => numericId(entry)))
  const nodes = new Map<string, XmlElement>()
  decoded.forEach(({ threat, entry, interaction }, index) => {
    if (isAboutFlow(threat) && !flows.has(interaction.flow)) {
      diagnostics.push(diagnostic('tm7.stale-threat', 'warning', `threat "${threat.title}" (${threat.id}) belongs to data flow "${interaction.flow}", which no longer exists; it is written as it is, so its triage is kept`))
    }
    const values = valuesOf(threat, interaction, keys[index] ?? threat.id, labels)
    if (entry !== null) nodes.set(threat.id, patchThreat(entry, values))
    else nodes.set(threat.id, newThreat(values, nextId++, threat, scope))
  })
  const withoutFlow = model.threats.filter((threat) => !isAboutFlow(threat)).length
  if (withoutFlow > 0) {
    diagnostics.push(diagnostic('tm7.threat-without-flow', 'info', `${withoutFlow} threats are not about a data flow: TMT lists them with no interaction, and whether TMT keeps them when it regenerates threats is not known (tmt-format.md §11); Threatwright reads them back as they are`))
  }
  const accepted = model.threats.filter((threat) => threat.state.value === 'accepted').length
  if (accepted > 0) {
    diagnostics.push(diagnostic('tm7.accepted-shown-open', 'info', `${accepted} Accepted threats are shown by TMT as Needs Investigation (TMT has no Accepted state); Threatwright reads them back as Accepted`))
  }
  return { nodes, diagnostics }
}

function numericId(entry: XmlElement | null): number {
  const value = entry === null ? undefined : childElement(entry, 'Value', ARRAYS_NS)
  const id = Number(textContent(value && childElement(value, 'Id', KNOWLEDGE_BASE_NS)).trim())
  return Number.isInteger(id) ? id : 0
}

const interpret = (child: XmlElement): string | null => (isNil(child) ? null : textContent(child).trim())

function patchThreat(entry: XmlElement, values: ThreatValues): XmlElement {
  const keyed = updateChild(entry, 'Key', ARRAYS_NS, (child) => keepOrSet(child, textContent(child).trim(), values.key))
  return updateChild(keyed, 'Value', ARRAYS_NS, (value) => {
    // The Priority property is a copy of b:Priority that can disagree with it (otmt-complex-security-gateway.tm7);
    // while the model's priority is still the field's, the property stays as written.
    const priorityField = childElement(value, 'Priority', KNOWLEDGE_BASE_NS)
    const properties = new Map(values.properties)
    if (priorityField !== undefined && interpret(priorityField) === values.fields.Priority) properties.delete(THREAT_FIELD_KEYS.priority)
    let patched = value
    for (const [local, now] of Object.entries(values.fields)) {
      patched = updateChild(patched, local, KNOWLEDGE_BASE_NS, (child) => {
        const was = interpret(child)
        // ModifiedAt never set and a zero GUID for "none" are read as null; compare like for like.
        return keepOrSet(child, local === 'ModifiedAt' && was === '' ? NEVER_MODIFIED : was, now)
      })
    }
    return updateChild(patched, 'Properties', KNOWLEDGE_BASE_NS, (list) => patchThreatProperties(list, properties))
  })
}

function patchThreatProperties(properties: XmlElement, values: ReadonlyMap<string, string>): XmlElement {
  const written = new Set<string>()
  const frozen = new Set<string>(FROZEN_THREAT_KEYS)
  const children: XmlNode[] = []
  for (const child of properties.children) {
    if (child.kind === 'text') {
      children.push(child)
      continue
    }
    const key = textContent(childElement(child, 'Key', ARRAYS_NS)).trim()
    const now = values.get(key)
    if (frozen.has(key) || written.has(key) || (key === THREAT_FIELD_KEYS.priority && now === undefined)) {
      children.push(child)
      continue
    }
    // A custom property the app deleted, or an empty justification TMT never wrote: leave it out.
    if (now === undefined) continue
    written.add(key)
    children.push(updateChild(child, 'Value', ARRAYS_NS, (value) => keepOrSet(value, textContent(value).trim(), now)))
  }
  const scope = new Map([['a', ARRAYS_NS]])
  const extra = [...values]
    .filter(([key, value]) => !written.has(key) && !(key === THREAT_FIELD_KEYS.justification && value === ''))
    .map(([key, value]) => propertyEntry(key, value, scope))
  return appendChildren(withChildren(properties, children), extra)
}

function propertyEntry(key: string, value: string, scope: NamespaceScope): XmlElement {
  return element('a:KeyValueOfstringstring', scope, [], [element('a:Key', scope, [], [key]), element('a:Value', scope, [], [value])])
}

/** A threat entry in TMT's member order (tmt-format.md §8); the typed text fields are nil as TMT writes them. */
function newThreat(values: ThreatValues, id: number, threat: Threat, scope: NamespaceScope): XmlElement {
  const inner = new Map([...scope, ['b', KNOWLEDGE_BASE_NS]])
  const field = (local: string, text: string | null): XmlElement => member(`b:${local}`, text, inner)
  const properties = new Map(values.properties)
  const ordered: [string, string][] = [
    [THREAT_FIELD_KEYS.title, properties.get(THREAT_FIELD_KEYS.title) ?? ''],
    [THREAT_FIELD_KEYS.category, properties.get(THREAT_FIELD_KEYS.category) ?? ''],
    [THREAT_FIELD_KEYS.description, properties.get(THREAT_FIELD_KEYS.description) ?? '']
  ]
  if (threat.justification !== '') ordered.push([THREAT_FIELD_KEYS.justification, threat.justification])
  const priority = properties.get(THREAT_FIELD_KEYS.priority)
  if (priority !== undefined) ordered.push([THREAT_FIELD_KEYS.priority, priority])
  for (const property of threat.customProperties) ordered.push([property.key, threatPropertyText(property)])
  ordered.push(...values.carried)
  const f = values.fields
  return element('a:KeyValueOfstringThreatpc_P0_PhOB', scope, [], [
    element('a:Key', scope, [], [values.key]),
    element('a:Value', scope, [['xmlns:b', KNOWLEDGE_BASE_NS]], [
      field('ChangedBy', f.ChangedBy ?? null),
      field('DrawingSurfaceGuid', f.DrawingSurfaceGuid ?? ZERO_GUID),
      field('FlowGuid', f.FlowGuid ?? ZERO_GUID),
      field('Id', String(id)),
      field('InteractionKey', f.InteractionKey ?? ''),
      field('InteractionString', null),
      field('ModifiedAt', f.ModifiedAt ?? NEVER_MODIFIED),
      field('Priority', f.Priority ?? null),
      element('b:Properties', inner, [], ordered.map(([key, value]) => propertyEntry(key, value, scope))),
      field('SourceGuid', f.SourceGuid ?? ZERO_GUID),
      field('State', f.State ?? TMT_STATES.notStarted),
      field('StateInformation', null),
      field('TargetGuid', f.TargetGuid ?? ZERO_GUID),
      field('Title', null),
      field('TypeId', f.TypeId ?? null),
      field('Upgraded', 'false'),
      field('UserThreatCategory', null),
      field('UserThreatDescription', null),
      field('UserThreatShortDescription', null),
      field('Wide', 'false')
    ])
  ])
}
