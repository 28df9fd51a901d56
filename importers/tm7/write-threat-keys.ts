import type { Flow, Threat } from '../../model/model'
import { childElement, textContent } from '../xml/xml-query'
import type { XmlElement } from '../xml/xml-tree'
import { threatPropertyEntries } from './read-threats'
import { ARRAYS_NS, ZERO_GUID } from './tm7-namespaces'
import { threatKey } from './threat-fields'
import { THREATWRIGHT_THREAT_KEYS } from './threatwright-threat-keys'

/** The source, flow and target GUIDs a TMT threat is written with (tmt-format.md §8). */
export interface Interaction {
  readonly source: string
  readonly flow: string
  readonly target: string
}

/**
 * The GUIDs a threat is written with: TMT keys and fields always name a source, a flow and a target
 * (tmt-format.md §8). A threat not about a flow names its element or boundary as the target and the
 * zero GUID where TMT has nothing, as on an unattached connector end (§6); Threatwright.Target says
 * what it is about.
 */
export function interactionOf(threat: Threat, flows: ReadonlyMap<string, Flow>): Interaction {
  const target = threat.target
  switch (target.kind) {
    case 'interaction':
      return { source: target.sourceId ?? ZERO_GUID, flow: target.flowId, target: target.targetId ?? ZERO_GUID }
    case 'flow': {
      const flow = flows.get(target.flowId)
      return { source: flow?.source ?? ZERO_GUID, flow: target.flowId, target: flow?.target ?? ZERO_GUID }
    }
    case 'element':
      return { source: ZERO_GUID, flow: ZERO_GUID, target: target.elementId }
    case 'boundary':
      return { source: ZERO_GUID, flow: ZERO_GUID, target: target.boundaryId }
    case 'dataAsset':
    case 'model':
      return { source: ZERO_GUID, flow: ZERO_GUID, target: ZERO_GUID }
  }
}

export const isAboutFlow = (threat: Threat): boolean => threat.target.kind === 'interaction' || threat.target.kind === 'flow'

/**
 * The dictionary key a threat would like. The key it was read with stays while it is still this
 * threat's (copies share the original's bag), so an unedited file keeps its keys. A threat TMT's rules
 * generate gets TMT's key, by which TMT finds it again when it regenerates (tmt-format.md §8, §11);
 * any other threat is keyed by its id.
 */
export function preferredKey(threat: Threat, entry: XmlElement | null, interaction: Interaction): { key: string; kept: boolean } {
  if (entry !== null) {
    const written = textContent(childElement(entry, 'Key', ARRAYS_NS)).trim()
    const value = childElement(entry, 'Value', ARRAYS_NS)
    const carriedId = value && threatPropertyEntries(value).find((property) => property.key === THREATWRIGHT_THREAT_KEYS.id)?.value
    if (written === threat.id || carriedId === threat.id) return { key: written, kept: true }
  }
  const origin = threat.origin
  if (origin.kind === 'generated' && origin.engine === 'tmt' && threat.definitionId !== null && isAboutFlow(threat)) {
    return { key: threatKey(threat.definitionId, interaction.source, interaction.flow, interaction.target), kept: false }
  }
  return { key: threat.id, kept: false }
}

/** TMT's dictionary needs unique keys: kept keys first, then a taken key falls back to the threat id. */
export function uniqueKeys(wanted: readonly { id: string; key: string; kept: boolean }[]): string[] {
  const used = new Set(wanted.filter((entry) => entry.kept).map((entry) => entry.key))
  return wanted.map(({ id, key, kept }) => {
    if (kept) return key
    let unique = used.has(key) ? id : key
    for (let n = 2; used.has(unique); n += 1) unique = `${id}#${n}`
    used.add(unique)
    return unique
  })
}
