/**
 * `template:read`: a template file the user chose for Threats ▸ Apply Template, read here because the
 * renderer may not run importers (lint/layers.mjs). Like opening a model: detected by content, never by
 * extension, and every failure is a `failed` outcome whose diagnostics name the file; nothing throws.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../../model/diagnostics'
import { detectFormat, detectTemplateFormat, templateFormats } from '../../importers/registry'
import { templateSourceFor } from '../../importers/tb7/stored-template'
import type { CommandRequest, TemplateReadOutcome } from '../../src-shared/ipc-contract'
import { FileTooLargeError } from './errors'
import { safeFileName } from './file-names'
import { MAX_MODEL_FILE_BYTES } from './limits'
import { internalFailure, readFailure } from './read-failure'

const EXPECTED = templateFormats.map((format) => `${format.label} (${format.extensions.join(', ')})`).join(' or ')

export async function readTemplateFile({ fileName, base64 }: CommandRequest<'template:read'>): Promise<TemplateReadOutcome> {
  const name = safeFileName(fileName)
  const failed = (diagnostics: readonly Diagnostic[]): TemplateReadOutcome => ({ kind: 'failed', fileName: name, diagnostics })
  // A fresh array, as for an uploaded model: Buffer.from may hand out a view into a shared pool.
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  if (bytes.length > MAX_MODEL_FILE_BYTES) return failed([readFailure(name, new FileTooLargeError(name, MAX_MODEL_FILE_BYTES))])
  if (bytes.length === 0) return failed([diagnostic('template.empty', 'error', 'the file is empty', { file: name })])

  const format = detectTemplateFormat(bytes)
  if (format === null) return failed([notATemplate(name, bytes)])
  try {
    const read = format.read({ bytes, fileName: name })
    if (read.template === null || hasErrors(read.diagnostics)) {
      const errors = read.diagnostics.filter((entry) => entry.severity === 'error')
      return failed(errors.length > 0 ? errors : [diagnostic('template.unreadable', 'error', `the ${format.label} did not read`, { file: name })])
    }
    return { kind: 'read', template: read.template, diagnostics: read.diagnostics, source: format.id === 'tb7' ? templateSourceFor(bytes, name) : null }
  } catch (error) {
    // Readers must not throw; if one does, the user still gets a message naming the file.
    return failed([internalFailure('template.reader-failed', name, error)])
  }
}

/** Says what the file is when it is a model (a common slip: picking the .tm7 instead of its .tb7). */
function notATemplate(fileName: string, bytes: Uint8Array): Diagnostic {
  const model = detectFormat(bytes)
  const what = model === null ? 'is not a template Threatwright can read' : `is ${withArticle(model.label)}, not a template`
  return diagnostic('template.unrecognised', 'error', `${fileName} ${what}; expected ${withArticle(EXPECTED)}`, { file: fileName })
}

function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`
}
