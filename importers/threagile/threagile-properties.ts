import type { BooleanProperty, ListProperty, Property, StringProperty } from '../../model/model'

/**
 * Typed properties keyed by the Threagile field name (`machine`, `ip_filtered`, …): the analysis layer
 * (analysis/threagile) and the writer read them by that key, so the key is the contract. Labels are for
 * the property grid. List-valued fields (`tags`, `data_formats_accepted`) are comma-separated strings,
 * because the model's properties hold no string lists; Threagile tags and formats never contain commas.
 */
export function listProperty(key: string, options: readonly string[], value: string | null, editable = true): ListProperty {
  const index = value === null ? -1 : options.indexOf(value)
  return { kind: 'list', key, label: labelFor(key), options: [...options], selected: index === -1 ? null : index, editable }
}

export function booleanProperty(key: string, value: boolean): BooleanProperty {
  return { kind: 'boolean', key, label: labelFor(key), value }
}

export function stringProperty(key: string, value: string): StringProperty {
  return { kind: 'string', key, label: labelFor(key), value }
}

export function namesProperty(key: string, names: readonly string[]): StringProperty {
  return stringProperty(key, names.join(', '))
}

/** Splits a names property back into its names. */
export function splitNames(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

export function propertyValue(properties: readonly Property[], key: string): string | boolean | null {
  const property = properties.find((candidate) => candidate.key === key)
  if (property === undefined) return null
  if (property.kind === 'list') return property.selected === null ? null : (property.options[property.selected] ?? null)
  return property.value
}

function labelFor(key: string): string {
  const words = key.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
