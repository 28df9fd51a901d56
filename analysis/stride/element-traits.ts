import type { DiagramElement, Property } from '../../model/model'
import type { InteractionEndKind } from '../../model/methodology'

function textValue(property: Property): string {
  switch (property.kind) {
    case 'string':
      return property.value
    case 'boolean':
      return property.value ? 'true' : 'false'
    case 'list':
      return property.selected === null ? '' : (property.options[property.selected] ?? '')
  }
}

function hasProperty(element: DiagramElement, keys: readonly string[], accepted: readonly string[]): boolean {
  return element.properties.some(
    (property) =>
      (keys.includes(property.key.toLowerCase()) || keys.includes(property.label.toLowerCase())) &&
      accepted.includes(textValue(property).trim().toLowerCase())
  )
}

/**
 * An external interactor is a human only when the model says so: TMT's generic interactor has a `Type`
 * attribute (Code/Human; tmt-format.md §7). Otherwise it counts as code, which gets more threats than a
 * human would (stride-per-interaction.md §3.7): an unknown interactor is never under-analysed.
 */
export function interactionEndKind(element: DiagramElement): InteractionEndKind | null {
  switch (element.kind) {
    case 'annotation':
      return null
    case 'externalInteractor':
      return hasProperty(element, ['type'], ['human']) ? 'externalHuman' : 'externalCode'
    default:
      return element.kind
  }
}

/** True when the store is marked as holding logs or audit data (TMT's `storesLogData`, Threagile-style keys). */
export function holdsLogs(element: DiagramElement): boolean {
  return hasProperty(element, ['storeslogdata', 'stores log data', 'stores_log_data', 'holds_logs'], ['yes', 'true'])
}
