import { asId, type ThreatDefinitionId } from '../../model/ids'
import type { ThreatDefinition } from '../../model/model'
import { normalizePriority, normalizeStrideCategory } from '../../model/normalize-enums'
import type { Template } from '../../model/template'

/**
 * The template's threat types as the model's threat definitions, so generated threats point at them and
 * reports can give each threat its type's title and description (the CLI and the app both merge these).
 */
export function definitionsOf(template: Template): ThreatDefinition[] {
  const categoryNames = new Map(template.threatCategories.map((category) => [category.id, category.name]))
  return template.threatTypes.map((type) => {
    const categoryName = categoryNames.get(type.categoryId) ?? type.categoryId
    const priority = type.propertyDefaults.find((entry) => entry.key === 'Priority')?.value.trim()
    return {
      id: asId<ThreatDefinitionId>(type.id),
      title: type.shortTitle,
      description: type.description,
      category: { value: normalizeStrideCategory(type.categoryId).value ?? normalizeStrideCategory(categoryName).value, raw: categoryName },
      defaultPriority: priority ? normalizePriority(priority) : null,
      mitigations: '',
      references: [],
      extensions: {}
    }
  })
}
