import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { JsonObject, JsonValue } from '../../model/json'
import type { XmlElement } from '../xml/xml-tree'
import type { KnowledgeBaseDialect } from './knowledge-base-dialect'
import { elementChildren, isNil, textContent } from '../xml/xml-query'
import { memberToJson, type MemberName } from './xml-members'

/** One read of a KnowledgeBase: the dialect it is written in, the file to name, the messages so far. */
export interface KnowledgeBaseReading {
  readonly dialect: KnowledgeBaseDialect
  readonly fileName: string
  readonly diagnostics: Diagnostic[]
}

export function warn(reading: KnowledgeBaseReading, code: string, message: string, path: string): void {
  reading.diagnostics.push(diagnostic(code, 'warning', message, { file: reading.fileName, path }))
}

/**
 * The members of one record (ElementType, Attribute, ThreatType …), looked up by namespace URI and local
 * name. Every member read is remembered, so `unread()` gives the rest for the extension bag: what the
 * model has no field for is kept, not dropped (STYLE.md, extension bags).
 */
export interface Members {
  readonly path: string
  /** The trimmed text of a member ('' when absent or nil): tmt-format.md §12, trim what you interpret. */
  text(local: string, uri?: string): string
  element(local: string, uri?: string): XmlElement | undefined
  flag(local: string): boolean
  unread(): JsonObject
}

export function membersOf(reading: KnowledgeBaseReading, element: XmlElement, path: string, uri: string): Members {
  const children = elementChildren(element)
  const read = new Set<XmlElement>()
  const find = (name: MemberName): XmlElement | undefined => {
    const found = children.find((child) => child.local === name.local && child.uri === name.uri)
    if (found !== undefined) read.add(found)
    return found
  }
  const text = (local: string, memberUri = uri): string => {
    const found = find({ uri: memberUri, local })
    return found === undefined || isNil(found) ? '' : textContent(found).trim()
  }
  return {
    path,
    text,
    element: (local, memberUri = uri) => find({ uri: memberUri, local }),
    flag: (local) => parseFlag(reading, text(local), `${path}/${local}`),
    unread: () => {
      // A member that occurs once stays a plain value; a repeated one keeps every occurrence, in order.
      const groups = new Map<string, JsonValue[]>()
      for (const child of children) {
        if (read.has(child)) continue
        const group = groups.get(child.local) ?? []
        group.push(memberToJson(child))
        groups.set(child.local, group)
      }
      const rest: Record<string, JsonValue> = {}
      for (const [name, values] of groups) {
        // defineProperty, not assignment: an element named `__proto__` must stay data (found by fuzzing,
        // tests/unit/fuzz/prototype-pollution.test.ts), not replace the bag's prototype.
        Object.defineProperty(rest, name, { value: values.length === 1 ? (values[0] ?? null) : values, enumerable: true, writable: true, configurable: true })
      }
      return rest
    }
  }
}

/** XmlSerializer and DataContract both write `true`/`false`; an absent flag is false. */
function parseFlag(reading: KnowledgeBaseReading, text: string, path: string): boolean {
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  warn(reading, 'template.value.invalid', `expected true or false, found "${text}"; read as false`, path)
  return false
}

/** An extension bag holding `rest` under the dialect's format id, or an empty bag when nothing is left over. */
export function extensionsWith(reading: KnowledgeBaseReading, rest: JsonObject): { readonly [formatId: string]: JsonValue } {
  return Object.keys(rest).length === 0 ? {} : { [reading.dialect.formatId]: rest }
}
