import type { Property } from '../../model/model'
import type { RuleSubjectFacts } from './evaluate-rule'

/** The value a rule compares against: the selected list option, the string, or True/False. */
export function propertyValue(property: Property): string | undefined {
  switch (property.kind) {
    case 'string':
      return property.value
    case 'boolean':
      return property.value ? 'True' : 'False'
    case 'list':
      return property.selected === null ? undefined : property.options[property.selected]
  }
}

/** What rules may ask about one element or flow: its type ancestry and its property values by key. */
export function itemFacts(ancestry: ReadonlySet<string>, properties: readonly Property[]): RuleSubjectFacts {
  const values = new Map<string, string>()
  for (const property of properties) {
    const value = propertyValue(property)
    // The first property with a key wins: TMT lists a type's own attributes before inherited ones.
    if (value !== undefined && property.key !== '' && !values.has(property.key)) values.set(property.key, value)
  }
  return { isType: (typeId) => ancestry.has(typeId), property: (key) => values.get(key) ?? (key.includes('.') ? values.get(unqualified(key)) : undefined) }
}

/**
 * The 2017 Azure template qualifies attribute names with a type id (`target.SE.DS.TMCore.SQL.Technology`);
 * we read that as the attribute `Technology` (tmt-rules.md §4.4: assumed, no corpus model uses it).
 */
function unqualified(key: string): string {
  return key.slice(key.lastIndexOf('.') + 1)
}
