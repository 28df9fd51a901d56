import type { JsonValue } from '../../model/json'
import { isRecord, ownField } from '../../model/record'
import { xmlToJson } from '../xml/xml-json'
import type { XmlElement } from '../xml/xml-tree'

/**
 * An entity's `extensions.tm7` bag is `{ xml: <text> }`: its original XML subtree in the compact JSON
 * form of xml-json.ts, itself kept as one JSON string. As nested arrays, the native writer's canonical
 * JSON puts every item on its own indented line, which made a .twm 2.5× its .tm7 (edgex-foundry-v4:
 * 4.7 MB for 1.4 MB); as a string it stays one line, about the size of the XML, and parses fast.
 */
export function bagText(element: XmlElement, replace?: (child: XmlElement) => JsonValue | undefined): string {
  return JSON.stringify(xmlToJson(element, replace))
}

/** The compact XML of a bag, or null when the entity has none (made in Threatwright) or it is damaged. */
export function bagXml(bag: unknown): JsonValue | null {
  if (!isRecord(bag)) return null
  const xml = ownField(bag, 'xml')
  if (typeof xml !== 'string') return null
  try {
    const parsed: unknown = JSON.parse(xml)
    return Array.isArray(parsed) ? (parsed as JsonValue) : null
  } catch {
    return null
  }
}
