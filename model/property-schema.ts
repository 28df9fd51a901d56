import type { BooleanProperty, ListProperty, Property, StringProperty } from './model'
import { fieldPath } from './json-path'
import { array, boolean, finiteNumber, literal, nullable, refine, string } from './schema'
import { object, unionByKind } from './schema-object'

const listPropertySchema = refine(
  object<ListProperty>({
    kind: literal('list'),
    key: string(),
    label: string(),
    options: array(string()),
    selected: nullable(finiteNumber()),
    editable: boolean()
  }),
  (property) => {
    const { selected, options } = property
    if (selected === null) return null
    if (Number.isInteger(selected) && selected >= 0 && selected < options.length) return null
    return {
      message: `selected must be null or a whole index below ${options.length} (the number of options), got ${selected}`,
      at: (path) => fieldPath(path, 'selected')
    }
  }
)

export const propertySchema = unionByKind<Property>({
  string: object<StringProperty>({ kind: literal('string'), key: string(), label: string(), value: string() }),
  boolean: object<BooleanProperty>({ kind: literal('boolean'), key: string(), label: string(), value: boolean() }),
  list: listPropertySchema
})
