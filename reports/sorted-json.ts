/**
 * JSON text with object keys sorted by UTF-16 code unit at every depth, 2-space indentation, LF line ends
 * and a trailing newline: the same bytes for the same value, so reports diff cleanly and their hash can
 * be reproduced. The same rules as the native writer's canonical JSON (importers/native/canonical-json.ts),
 * which this layer may not import (lint/layers.mjs); keep the two in step. Written by hand because
 * objects iterate integer-like keys first, so a sorted copy passed to JSON.stringify would not stay sorted.
 */
export function sortedJson(value: unknown): string {
  return `${serialize(value, '') ?? 'null'}\n`
}

const INDENT = '  '

function serialize(value: unknown, indent: string): string | undefined {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      return Array.isArray(value) ? serializeArray(value, indent) : serializeObject(value as object, indent)
    default:
      return undefined
  }
}

function serializeArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]'
  const inner = indent + INDENT
  return `[\n${items.map((item) => `${inner}${serialize(item, inner) ?? 'null'}`).join(',\n')}\n${indent}]`
}

function serializeObject(object: object, indent: string): string {
  const inner = indent + INDENT
  const lines: string[] = []
  for (const key of Object.keys(object).sort()) {
    const text = serialize((object as Record<string, unknown>)[key], inner)
    if (text !== undefined) lines.push(`${inner}${JSON.stringify(key)}: ${text}`)
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`
}
