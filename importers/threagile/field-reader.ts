import { safeText } from './safe-text'
import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import type { JsonValue } from '../../model/json'
import { isPlainObject } from './resolve-includes'
import { locateKey, type YamlSource } from './yaml-source'

/**
 * Reads typed fields out of the loaded YAML and reports every problem as an error located at the key
 * (file, line, column and the YAML path). Threagile's own parser stops at the first such problem
 * (threagile-schema.md §10); we collect them all so a reviewer fixes the file in one go.
 */
export class FieldReader {
  readonly diagnostics: Diagnostic[] = []

  constructor(private readonly sources: readonly YamlSource[]) {}

  error(code: string, message: string, path: readonly string[]): void {
    this.diagnostics.push(diagnostic(code, 'error', message, this.locate(path)))
  }

  warn(code: string, message: string, path: readonly string[]): void {
    this.diagnostics.push(diagnostic(code, 'warning', message, this.locate(path)))
  }

  /** The first file (model first, then includes) that holds the deepest prefix of `path`. */
  locate(path: readonly string[]): Diagnostic['location'] {
    const yamlPath = path.join('.')
    for (let length = path.length; length > 0; length -= 1) {
      for (const source of this.sources) {
        const place = locateKey(source, path.slice(0, length))
        if (place !== null) return { file: source.file, line: place.line, column: place.column, path: yamlPath }
      }
    }
    return { file: this.sources[0]?.file ?? '', path: yamlPath }
  }

  string(object: Record<string, unknown>, key: string, path: readonly string[]): string {
    const value = object[key]
    if (value === undefined || value === null) return ''
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    this.error('threagile.type', `"${key}" must be text`, [...path, key])
    return ''
  }

  boolean(object: Record<string, unknown>, key: string, path: readonly string[]): boolean {
    const value = object[key]
    if (value === undefined || value === null) return false
    if (typeof value === 'boolean') return value
    this.error('threagile.type', `"${key}" must be true or false, not ${JSON.stringify(value)}`, [...path, key])
    return false
  }

  /** A required enum field, answered in v1 spelling; null (with an error) when missing or unknown. */
  enumField(object: Record<string, unknown>, key: string, path: readonly string[], values: readonly string[], read: (raw: unknown) => string | null): string | null {
    const raw = object[key]
    const value = read(raw)
    if (value !== null) return value
    if (raw === undefined || raw === null || raw === '') this.error('threagile.missing', `"${key}" is required (one of ${values.join(', ')})`, [...path, key])
    else this.error('threagile.enum', `"${key}" has the unknown value ${JSON.stringify(raw)}; expected one of ${values.join(', ')}`, [...path, key])
    return null
  }

  stringList(object: Record<string, unknown>, key: string, path: readonly string[]): string[] {
    const value = object[key]
    if (value === undefined || value === null) return []
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      this.error('threagile.type', `"${key}" must be a list of names`, [...path, key])
      return []
    }
    return value.map(String)
  }

  /** A map of title → object (technical_assets, data_assets, …); entries that are not objects are errors. */
  objectMap(object: Record<string, unknown>, key: string, path: readonly string[]): [string, Record<string, unknown>][] {
    const value = object[key]
    if (value === undefined || value === null) return []
    if (!isPlainObject(value)) {
      this.error('threagile.type', `"${key}" must be a map of titles to entries`, [...path, key])
      return []
    }
    const entries: [string, Record<string, unknown>][] = []
    for (const [title, entry] of Object.entries(value)) {
      if (isPlainObject(entry)) entries.push([title, entry])
      else this.error('threagile.type', `"${title}" under "${key}" must be a map of fields`, [...path, key, title])
    }
    return entries
  }
}

/** The fields of `object` the model does not map, kept verbatim for the writer (JSON-safe copy). */
export function unmappedFields(object: Record<string, unknown>, mapped: readonly string[]): { [key: string]: JsonValue } {
  const rest: { [key: string]: JsonValue } = {}
  for (const [key, value] of Object.entries(object)) {
    if (!mapped.includes(key) && value !== undefined) rest[key] = toJson(value)
  }
  return rest
}

/** YAML values are JSON values here: the core schema yields only strings, numbers, booleans, null, lists and maps. */
export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (Array.isArray(value)) return value.map(toJson)
  if (isPlainObject(value)) {
    const result: { [key: string]: JsonValue } = {}
    for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = toJson(item)
    return result
  }
  return safeText(value)
}
