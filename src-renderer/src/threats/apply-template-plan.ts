import { applyTemplate, type AppliedTemplate, type TypeMappingMethod } from '../../../analysis/apply-template'
import type { ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import type { TemplateSource } from '../../../model/template-source'
import { GENERIC_ELEMENT_TYPES } from '../../../templates/generic'
import { appEngines, previewGeneration, type GenerationPreview } from './generate-threats'

/** One line of the mapping report: every item of one model type that went the same way, counted. */
export interface MappingRow {
  readonly from: string
  readonly fromLabel: string
  /** Null when unmapped: those items keep their type. */
  readonly to: string | null
  readonly toLabel: string
  readonly how: TypeMappingMethod
  readonly count: number
}

export const MAPPING_METHODS: readonly TypeMappingMethod[] = ['id', 'kind-and-name', 'kind', 'unmapped']

/** How analysis/apply-template.ts chose a type, in the reviewer's words. */
export const MAPPING_METHOD_LABELS: Readonly<Record<TypeMappingMethod, string>> = {
  id: 'same type id',
  'kind-and-name': 'by kind and name',
  kind: "the template's generic type for its kind",
  unmapped: 'unmapped: keeps its type'
}

/** What Apply would do, computed before anything changes (pure; the dialog shows it). */
export interface ApplyTemplatePlan {
  readonly template: Template
  readonly applied: AppliedTemplate
  readonly rows: readonly MappingRow[]
  readonly counts: Readonly<Record<TypeMappingMethod, number>>
  /**
   * The Generate dialog's "Template rules" run over the re-typed model (the same regenerate path: new
   * threat keys appended, every existing threat and its triage kept), or null if it cannot run.
   */
  readonly generation: GenerationPreview | null
}

/**
 * `previous` is the template the model uses now, when the app has it (a built-in one, or the one the file
 * embeds): it names the types the model has before the change. `source` is the .tb7 the template was read
 * from, stored in the applied model so the template travels with it (null for a built-in one, which
 * removes a stored .tb7); being part of the applied model, it comes and goes with the one undo step.
 */
export function planApplyTemplate(model: ThreatModel, template: Template, previous: Template | null, source: TemplateSource | null): ApplyTemplatePlan {
  const applied = applyTemplate(model, template, source)
  const engine = appEngines(applied.model, { pytmLibrary: null, embeddedTemplate: template }).find((candidate) => candidate.id === 'template')
  const generation = engine !== undefined && engine.unavailable === null ? previewGeneration(applied.model, engine) : null
  return { template, applied, rows: mappingRows(applied, template, previous), counts: countByMethod(applied), generation }
}

/** The model after Apply: re-typed, and with the template's threats merged in when asked for. */
export function appliedModel(plan: ApplyTemplatePlan, regenerate: boolean): ThreatModel {
  return regenerate && plan.generation !== null ? plan.generation.report.model : plan.applied.model
}

function countByMethod(applied: AppliedTemplate): Record<TypeMappingMethod, number> {
  const counts: Record<TypeMappingMethod, number> = { id: 0, 'kind-and-name': 0, kind: 0, unmapped: 0 }
  for (const mapping of applied.report) counts[mapping.how] += 1
  return counts
}

/** The report grouped by (model type, new type, how), in the order the types first appear in the model. */
function mappingRows(applied: AppliedTemplate, template: Template, previous: Template | null): MappingRow[] {
  const rows = new Map<string, MappingRow>()
  for (const mapping of applied.report) {
    const key = JSON.stringify([mapping.from, mapping.to, mapping.how])
    const row = rows.get(key)
    if (row !== undefined) {
      rows.set(key, { ...row, count: row.count + 1 })
      continue
    }
    rows.set(key, {
      from: mapping.from,
      fromLabel: typeName(mapping.from, previous),
      to: mapping.to,
      toLabel: mapping.to === null ? '—' : typeName(mapping.to, template),
      how: mapping.how,
      count: 1
    })
  }
  return [...rows.values()]
}

const GENERIC_LABELS = new Map(GENERIC_ELEMENT_TYPES.map((type) => [type.typeId, type.label]))

/** A type's name in `template`, else the generic DFD name, else its id (types from other tools keep their ids). */
function typeName(typeId: string, template: Template | null): string {
  return template?.elementTypes.find((type) => type.id === typeId)?.name ?? GENERIC_LABELS.get(typeId) ?? typeId
}
