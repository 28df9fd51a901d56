import { diagnostic, hasErrors, lineAndColumn, type Diagnostic } from '../../model/diagnostics'
import type { ThreatModel, TemplateRef } from '../../model/model'
import { hasTemplateSource, sameTemplateRef, templateSourceOf, TEMPLATE_SOURCE_KEY, type TemplateSource } from '../../model/template-source'
import { decodeUtf8 } from '../text/decode-text'
import type { TemplateReadResult } from '../template-format'
import { readTb7 } from './read-tb7'

const encoder = new TextEncoder()

/**
 * What Apply Template stores for a .tb7 that read: its base name and its text as the reader decoded it
 * (strict UTF-8, BOM dropped). Main and the CLI both build it here, so the stored text is the text read.
 */
export function templateSourceFor(bytes: Uint8Array, fileName: string): TemplateSource | null {
  const decoded = decodeUtf8(bytes)
  return decoded.kind === 'text' ? { fileName: fileName.split(/[\\/]/).pop() ?? fileName, text: decoded.text } : null
}

/**
 * The .tb7 a model keeps from Apply Template (`extensions.tb7`, model/template-source.ts), read again with
 * the .tb7 reader: a .twm is untrusted input, so the stored text gets the same checks as a file the user
 * picks. The template is returned only when it reads without errors and is the one the model names (id,
 * version and name); otherwise `template` is null and one warning naming `fileName` (the model file) says
 * why it is ignored. No bag: null and no diagnostics. Never throws.
 */
export function storedTemplate(model: ThreatModel, fileName: string): TemplateReadResult {
  if (!hasTemplateSource(model)) return { template: null, diagnostics: [] }
  const ignored = (message: string): TemplateReadResult => ({
    template: null,
    diagnostics: [diagnostic('tb7.stored.ignored', 'warning', message, { file: fileName, path: `extensions.${TEMPLATE_SOURCE_KEY}` })]
  })
  const source = templateSourceOf(model)
  if (source === null) return ignored('the stored template is not { fileName, text } as Threatwright writes it, so it is ignored')

  const name = displayName(source.fileName)
  // Reader messages name the model and the stored file, with the line in the stored text.
  const read = readTb7({ bytes: encoder.encode(source.text), fileName: `${fileName} (stored template ${name})` })
  if (read.template === null || hasErrors(read.diagnostics)) {
    const first = read.diagnostics.find((entry) => entry.severity === 'error')
    return ignored(`the stored template ${name} does not read, so it is ignored${first === undefined ? '' : `: ${placeOf(first)}${first.message}`}`)
  }
  if (!sameTemplateRef(read.template.ref, model.template)) {
    const names = model.template === null ? 'no template' : describe(model.template)
    return ignored(`the stored template ${name} is ${describe(read.template.ref)}, but the model names ${names}, so it is ignored`)
  }
  return read
}

function describe(ref: TemplateRef): string {
  return `"${ref.name}" ${ref.version} (${ref.id})`
}

function placeOf(entry: Diagnostic): string {
  const place = lineAndColumn(entry.location)
  return place === '' ? '' : `${place}: `
}

/** The stored name is untrusted text: one line, and short enough for a message. */
function displayName(fileName: string): string {
  const line = [...fileName].map((character) => (character < ' ' || character === '\u007f' ? ' ' : character)).join('').trim()
  return line.length > 120 ? `${line.slice(0, 117)}…` : line === '' ? '(unnamed .tb7)' : line
}
