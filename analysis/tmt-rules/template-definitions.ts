import { asId, type ThreatDefinitionId } from '../../model/ids'
import type { ThreatDefinition } from '../../model/model'
import { normalizePriority, normalizeStrideCategory } from '../../model/normalize-enums'
import type { Template, ThreatTypeDefinition } from '../../model/template'
import type { Canonical, Priority, StrideCategory } from '../../model/enums'

/** A threat type's STRIDE category: its category id if that is a STRIDE spelling, else its category's name. */
export function threatTypeCategory(type: ThreatTypeDefinition, categoryName: string): Canonical<StrideCategory> {
  return { value: normalizeStrideCategory(type.categoryId).value ?? normalizeStrideCategory(categoryName).value, raw: categoryName }
}

/** The Priority a threat type gives its threats by default (a threat property default), or null. */
export function threatTypeDefaultPriority(type: ThreatTypeDefinition): Canonical<Priority> | null {
  const priority = type.propertyDefaults.find((entry) => entry.key === 'Priority')?.value.trim()
  return priority === undefined || priority === '' ? null : normalizePriority(priority)
}

/**
 * The template's threat types as the model's threat definitions, so generated threats point at them and
 * reports can give each threat its type's title and description (the CLI and the app both merge these).
 */
export function definitionsOf(template: Template): ThreatDefinition[] {
  const categoryNames = new Map(template.threatCategories.map((category) => [category.id, category.name]))
  return template.threatTypes.map((type) => {
    return {
      id: asId<ThreatDefinitionId>(type.id),
      title: type.shortTitle,
      description: type.description,
      category: threatTypeCategory(type, categoryNames.get(type.categoryId) ?? type.categoryId),
      defaultPriority: threatTypeDefaultPriority(type),
      mitigations: '',
      references: [],
      extensions: {}
    }
  })
}
