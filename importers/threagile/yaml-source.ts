import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  mergeTag,
  parseEvents,
  YAMLException,
  type Event
} from 'js-yaml'
import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { lineColumnAt, type LineColumn } from '../text/line-column'

/**
 * Limits for untrusted YAML. The largest real model in the corpus (genai-rag) is 194 kB with a few
 * hundred nodes per asset; these limits are two orders of magnitude above that and far below what
 * would freeze the app.
 */
export const YAML_LIMITS = {
  /** Bytes of one file (before parsing). */
  maxBytes: 8 * 1024 * 1024,
  /**
   * Nodes after expanding every alias. An alias "bomb" (`a: &a [x, x]`, `b: &b [*a, *a]`, …) is tiny as
   * text but doubles per line; js-yaml builds shared references, yet every consumer that walks the
   * value (our mapping, JSON serialisation of extensions) pays the expanded size.
   */
  maxExpandedNodes: 2_000_000
} as const

/** A loaded YAML file: its value and where each mapping key is, for located diagnostics. */
export interface YamlSource {
  readonly file: string
  readonly text: string
  readonly value: unknown
  readonly keys: KeyPositions
}

/**
 * Offsets of mapping keys by their path from the root (`["technical_assets", "Web Server", "technology"]`).
 * We record them while walking js-yaml's event stream (parseEvents gives source offsets; the loaded
 * value does not), so a validation message can name the line of the offending key.
 */
export type KeyPositions = ReadonlyMap<string, number>

export function keyPathText(path: readonly string[]): string {
  return path.join('\u001f')
}

/** The 1-based line/column of the deepest key of `path` that the file holds, or null. */
export function locateKey(source: YamlSource, path: readonly string[]): LineColumn | null {
  for (let length = path.length; length > 0; length -= 1) {
    const offset = source.keys.get(keyPathText(path.slice(0, length)))
    if (offset !== undefined) return lineColumnAt(source.text, offset)
  }
  return null
}

export type YamlLoad = { readonly kind: 'loaded'; readonly source: YamlSource } | { readonly kind: 'failed'; readonly diagnostics: Diagnostic[] }

export function loadYamlSource(text: string, file: string): YamlLoad {
  const failed = (code: string, message: string, place: Partial<LineColumn> = {}): YamlLoad => ({
    kind: 'failed',
    diagnostics: [diagnostic(code, 'error', message, { file, ...place })]
  })
  if (text.length > YAML_LIMITS.maxBytes) {
    return failed('threagile.too-large', `the file is larger than ${YAML_LIMITS.maxBytes / 1024 / 1024} MB; refusing to parse it`)
  }
  try {
    const events = parseEvents(text, { filename: file })
    const walk = walkEvents(events, text)
    if (walk.expandedNodes > YAML_LIMITS.maxExpandedNodes) {
      return failed(
        'threagile.yaml-bomb',
        `the YAML expands to more than ${YAML_LIMITS.maxExpandedNodes} nodes through anchors and aliases (an "alias bomb"); refusing to load it`,
        walk.firstAliasOffset === null ? {} : lineColumnAt(text, walk.firstAliasOffset)
      )
    }
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA.withTags(mergeTag) })
    if (documents.length > 1) return failed('threagile.multi-document', 'the file holds several YAML documents; a Threagile model is one')
    return { kind: 'loaded', source: { file, text, value: documents[0] ?? null, keys: walk.keys } }
  } catch (error) {
    if (error instanceof YAMLException) {
      // js-yaml marks are 0-based.
      const place = error.mark === undefined ? {} : { line: error.mark.line + 1, column: error.mark.column + 1 }
      return failed('threagile.yaml-syntax', `not valid YAML: ${error.reason}`, place)
    }
    return failed('threagile.yaml-syntax', `not valid YAML: ${error instanceof Error ? error.message : String(error)}`)
  }
}

interface Frame {
  readonly kind: 'mapping' | 'sequence' | 'document'
  readonly path: readonly string[]
  /** For mappings: whether the next scalar/node is a key. */
  expectKey: boolean
  pendingKey: string | null
  size: number
  readonly anchor: string | null
}

interface EventWalk {
  readonly keys: Map<string, number>
  readonly expandedNodes: number
  readonly firstAliasOffset: number | null
}

/**
 * One pass over the events: records key offsets and counts nodes with every alias expanded (the size of
 * an anchored node is remembered when it closes; an alias adds that size). Counting stops growing the
 * sizes past the limit so the numbers cannot overflow.
 */
function walkEvents(events: readonly Event[], text: string): EventWalk {
  const keys = new Map<string, number>()
  const anchorSizes = new Map<string, number>()
  const stack: Frame[] = []
  let total = 0
  let firstAliasOffset: number | null = null
  const cap = (value: number): number => Math.min(value, YAML_LIMITS.maxExpandedNodes + 1)
  const anchorName = (start: number, end: number): string | null => (start < 0 ? null : text.slice(start, end))

  const addChild = (size: number): void => {
    const parent = stack.at(-1)
    if (parent === undefined) return
    parent.size = cap(parent.size + size)
  }
  const childPath = (): readonly string[] => {
    const parent = stack.at(-1)
    if (parent === undefined) return []
    if (parent.kind === 'mapping') return parent.pendingKey === null ? parent.path : [...parent.path, parent.pendingKey]
    if (parent.kind === 'sequence') return [...parent.path, String(parent.size)]
    return parent.path
  }
  // A node in a mapping alternates key, value; a collection used as a key is not something Threagile writes.
  const afterNode = (): void => {
    const parent = stack.at(-1)
    if (parent?.kind === 'mapping') {
      if (parent.expectKey) parent.expectKey = false
      else {
        parent.expectKey = true
        parent.pendingKey = null
      }
    }
  }

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: 'document', path: [], expectKey: false, pendingKey: null, size: 0, anchor: null })
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        stack.push({
          kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence',
          path: childPath(),
          expectKey: true,
          pendingKey: null,
          size: 1,
          anchor: anchorName(event.anchorStart, event.anchorEnd)
        })
        break
      case EVENT_ID.SCALAR: {
        const parent = stack.at(-1)
        if (parent?.kind === 'mapping' && parent.expectKey) {
          const key = getScalarValue(text, event)
          parent.pendingKey = key
          keys.set(keyPathText([...parent.path, key]), event.valueStart)
        }
        const anchor = anchorName(event.anchorStart, event.anchorEnd)
        if (anchor !== null) anchorSizes.set(anchor, 1)
        addChild(1)
        total = cap(total + 1)
        afterNode()
        break
      }
      case EVENT_ID.ALIAS: {
        firstAliasOffset ??= event.anchorStart
        const size = anchorSizes.get(text.slice(event.anchorStart, event.anchorEnd)) ?? 1
        addChild(size)
        total = cap(total + size)
        afterNode()
        break
      }
      case EVENT_ID.POP: {
        const closed = stack.pop()
        if (closed === undefined || closed.kind === 'document') break
        if (closed.anchor !== null) anchorSizes.set(closed.anchor, closed.size)
        addChild(closed.size)
        total = cap(total + 1)
        afterNode()
        break
      }
    }
  }
  return { keys, expandedNodes: total, firstAliasOffset }
}
