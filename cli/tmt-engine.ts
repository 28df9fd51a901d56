import { diagnostic, hasErrors, type Diagnostic } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import type { Template } from '../model/template'
import type { TemplateSource } from '../model/template-source'
import { templateSourceFor } from '../importers/tb7/stored-template'
import { generateTmtThreats } from '../analysis/tmt-rules/generate-tmt-threats'
import { definitionsOf } from '../analysis/tmt-rules/template-definitions'
import { detectTemplateFormat } from '../importers/registry'
import { carriedTemplate } from '../importers/carried-template'
import { builtInTemplates, findBuiltInTemplate } from '../templates/index'
import type { EngineInput, EngineOutput, ThreatEngine } from './threat-engines'

/**
 * `diagnostics` are warnings to print either way (a stored template that was ignored, and why). `file` and
 * `source`: the .tb7 file `--template` named and its text, for rule messages to name and for apply-template
 * to store in the model.
 */
export type TemplateChoice =
  | { readonly template: Template; readonly diagnostics: readonly Diagnostic[]; readonly file?: string; readonly source?: TemplateSource }
  | { readonly failure: Diagnostic; readonly diagnostics: readonly Diagnostic[] }

/**
 * Where TMT-style rules come from: `--template` (a built-in id or a .tb7 file), else the template the
 * model carries (a .tm7's KnowledgeBase, or the .tb7 stored by apply-template: importers/carried-template.ts),
 * else the built-in template the model says it was made with.
 */
export async function chooseTemplate(input: Pick<EngineInput, 'model' | 'modelPath' | 'template' | 'readFile'>): Promise<TemplateChoice> {
  const modelPath = input.modelPath
  const fail = (message: string, file = modelPath, diagnostics: readonly Diagnostic[] = []): TemplateChoice => ({
    failure: diagnostic('tmt.template', 'error', message, { file }),
    diagnostics
  })
  if (input.template !== undefined) {
    const builtIn = findBuiltInTemplate(input.template)
    if (builtIn) return { template: builtIn, diagnostics: [] }
    const bytes = await input.readFile(input.template)
    if (!(bytes instanceof Uint8Array)) {
      const known = builtInTemplates.map((template) => template.ref.id).join(', ')
      return fail(`'${input.template}' is neither a built-in template (${known}) nor a readable file: ${bytes.failure}`, input.template)
    }
    const format = detectTemplateFormat(bytes)
    if (format === null) return fail('not a template Threatwright can read (expected a Microsoft TMT .tb7)', input.template)
    const read = format.read({ bytes, fileName: input.template })
    if (read.template === null || hasErrors(read.diagnostics)) {
      return { failure: read.diagnostics[0] ?? diagnostic('tmt.template', 'error', 'the template did not read', { file: input.template }), diagnostics: [] }
    }
    // Kept only for .tb7: the bag it goes in is theirs.
    const source = format.id === 'tb7' ? (templateSourceFor(bytes, input.template) ?? undefined) : undefined
    return { template: read.template, diagnostics: read.diagnostics, file: input.template, ...(source === undefined ? {} : { source }) }
  }
  const carried = carriedTemplate(input.model, modelPath)
  if (carried.template !== null) return { template: carried.template, diagnostics: carried.diagnostics }
  const named = input.model.template ? findBuiltInTemplate(input.model.template.id) : undefined
  if (named) return { template: named, diagnostics: carried.diagnostics }
  return fail('the model has no template to generate TMT-style threats from: give --template <threatwright-azure|threatwright-aws|file.tb7>', modelPath, carried.diagnostics)
}

/**
 * Rule messages are about the template's text: from a .tb7 they name that file; from a built-in or carried
 * template they stay without one, and the caller puts them against the model.
 */
export function locateRuleMessages(diagnostics: readonly Diagnostic[], choice: Extract<TemplateChoice, { template: Template }>): Diagnostic[] {
  const file = choice.file
  return diagnostics.map((entry) => (file !== undefined && entry.location.file === undefined ? { ...entry, location: { ...entry.location, file } } : entry))
}

/** TMT's own generation: the template's Include/Exclude rules over every interaction (analysis/tmt-rules). */
export const tmtEngine: ThreatEngine = {
  id: 'tmt',
  label: 'TMT-style template rules',
  run: async (input): Promise<EngineOutput> => {
    const choice = await chooseTemplate(input)
    if ('failure' in choice) return { threats: [], definitions: [], diagnostics: [...choice.diagnostics, choice.failure] }
    const generated = generateTmtThreats(input.model, choice.template)
    const ruleDiagnostics = locateRuleMessages(generated.diagnostics, choice)
    const unknownTypes = input.template === undefined ? [] : foreignTypesWarning(input.model, choice.template, input.modelPath, input.template)
    return {
      threats: generated.threats,
      definitions: definitionsOf(choice.template),
      diagnostics: [...choice.diagnostics, ...unknownTypes, ...ruleDiagnostics]
    }
  }
}

/**
 * A template's rules recognise items only by the types it defines (`is` walks the template's own type tree),
 * so a model none of whose element, flow or boundary types the template knows gets nothing from it: say so
 * instead of printing an empty list, and name the command that re-types the model (TMT's "apply template").
 */
function foreignTypesWarning(model: ThreatModel, template: Template, modelPath: string, templateArgument: string): Diagnostic[] {
  const items = model.diagrams.flatMap((diagram) => [...diagram.elements, ...diagram.flows, ...diagram.boundaries])
  const known = new Set(template.elementTypes.map((type) => type.id))
  if (items.length === 0 || items.some((item) => known.has(item.typeId))) return []
  return [
    diagnostic(
      'tmt.template.no-known-types',
      'warning',
      `not one of the model's element types exists in template '${templateArgument}', so its rules generate nothing for it; ` +
        `re-type the model first: threatwright apply-template ${modelPath} <out> --template ${templateArgument}`,
      { file: modelPath }
    )
  ]
}
