/**
 * The format registry (pandoc's reader/writer table). Menus, the CLI and browser mode all render from
 * `formats`; adding a format is one folder plus one line here. Input formats are detected by content,
 * never by extension; output formats are chosen by extension.
 */
import { diagnostic, type Location } from '../model/diagnostics'
import type { ThreatModel } from '../model/model'
import type { ModelFormat, ReadInput, ReadResult, WriteResult } from './format'
import { nativeFormat } from './native/native-format'
import { otmFormat } from './recognisers/otm'
import { pytmFormat } from './pytm/pytm-format'
import { tb7Format, tb7TemplateFormat } from './tb7/tb7-format'
import type { TemplateFormat } from './template-format'
import { threagileFormat } from './threagile/threagile-format'
import { threatComposerFormat } from './recognisers/threat-composer'
import { threatDragonFormat } from './recognisers/threat-dragon'
import { tm7Format } from './tm7/tm7-format'
import { decodeForDetection } from './text/decode-text'
import { findJsonSyntaxError } from './text/json-syntax-error'
import { lineColumnAt } from './text/line-column'
import { looksLikeJson } from './text/sniff-json'

/**
 * Every format Threatwright knows, in menu order. Detection tries them in this order too. pytm is listed
 * before Threat Dragon on purpose: both use `.json`, and an output path ending in `.json` means pytm.
 */
export const formats: readonly ModelFormat[] = [
  nativeFormat,
  tm7Format,
  tb7Format,
  threagileFormat,
  pytmFormat,
  threatDragonFormat,
  otmFormat,
  threatComposerFormat
]

/** Template formats (applied to a model, not opened as one); the .tb7 entry above only recognises. */
export const templateFormats: readonly TemplateFormat[] = [tb7TemplateFormat]

/** A read through the registry also says which format the content was detected as (null: none). */
export interface DetectedReadResult extends ReadResult {
  readonly formatId: string | null
}

/** Detects the format by content (never by extension) and reads it. Never throws. */
export function readModelFile(input: ReadInput): DetectedReadResult {
  const file = input.fileName
  const failure = (formatId: string | null, code: string, message: string, place: Location = {}): DetectedReadResult => ({
    formatId,
    model: null,
    diagnostics: [diagnostic(code, 'error', message, { file, ...place })]
  })

  if (input.bytes.length === 0) return failure(null, 'format.empty', 'the file is empty')
  const text = decodeForDetection(input.bytes)
  const format = detectInText(text)
  if (format === null) return unknownFormat(text, failure)
  if (format.read === undefined) {
    return failure(
      format.id,
      'format.unsupported',
      `recognised as ${withArticle(format.label)}, which this version cannot read yet`
    )
  }
  try {
    return { formatId: format.id, ...format.read(input) }
  } catch (error) {
    // Readers must not throw; if one does, the user still gets a message instead of a crash.
    return failure(format.id, 'format.reader-failed', `the ${format.label} reader failed: ${describeError(error)}`)
  }
}

/**
 * The format for an output path, by its extension (`.twm`, `.tm7`, `.yaml`, `.json`), or null. The
 * longest matching extension wins (`.tc.json` before `.json`); formats without a writer are returned
 * too, so the caller can say "cannot write … yet" instead of "unknown extension".
 */
export function formatForOutputPath(path: string): ModelFormat | null {
  const name = path.toLowerCase()
  let best: { format: ModelFormat; length: number } | null = null
  for (const format of formats) {
    for (const extension of format.extensions) {
      if (name.endsWith(extension) && (best === null || extension.length > best.length)) {
        best = { format, length: extension.length }
      }
    }
  }
  return best?.format ?? null
}

/** The format these bytes are, by content, or null. Never throws. */
export function detectFormat(bytes: Uint8Array): ModelFormat | null {
  if (bytes.length === 0) return null
  return detectInText(decodeForDetection(bytes))
}

/** The template format these bytes are, by content (never by extension), or null. Never throws. */
export function detectTemplateFormat(bytes: Uint8Array): TemplateFormat | null {
  if (bytes.length === 0) return null
  const text = decodeForDetection(bytes)
  return templateFormats.find((format) => format.detect(text)) ?? null
}

/** Writes the model in a registered format; an unknown or read-only format id gives an error diagnostic. */
export function writeModel(model: ThreatModel, formatId: string): WriteResult {
  const empty = new Uint8Array()
  const format = formats.find((candidate) => candidate.id === formatId)
  if (format === undefined) {
    return {
      bytes: empty,
      diagnostics: [diagnostic('format.unknown-id', 'error', `there is no format called "${formatId}"`)]
    }
  }
  if (format.write === undefined) {
    return {
      bytes: empty,
      diagnostics: [diagnostic('format.write-unsupported', 'error', `cannot write ${pluralLabel(format)} yet`)]
    }
  }
  try {
    return format.write(model)
  } catch (error) {
    return {
      bytes: empty,
      diagnostics: [
        diagnostic('format.writer-failed', 'error', `the ${format.label} writer failed: ${describeError(error)}`)
      ]
    }
  }
}

function detectInText(text: string): ModelFormat | null {
  for (const format of formats) {
    try {
      if (format.detect(text)) return format
    } catch {
      // Detectors must not throw; one that does simply does not recognise the file.
    }
  }
  return null
}

function unknownFormat(
  text: string,
  failure: (formatId: null, code: string, message: string, place?: Location) => DetectedReadResult
): DetectedReadResult {
  const expected = `expected ${listWithOr(formats.map((format) => `${withArticle(format.label)} (${format.extensions.join(', ')})`))}`
  // Broken JSON is the commonest unknown file; saying where it breaks is more useful than the list alone.
  const syntaxError = looksLikeJson(text) ? findJsonSyntaxError(text) : null
  if (syntaxError !== null) {
    return failure(
      null,
      'format.unknown',
      `not a format Threatwright can read: the file is not valid JSON (${syntaxError.problem}); ${expected}`,
      lineColumnAt(text, syntaxError.offset)
    )
  }
  return failure(null, 'format.unknown', `not a format Threatwright can read: ${expected}`)
}

function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`
}

function pluralLabel(format: ModelFormat): string {
  return format.label.endsWith('s') ? `${format.label} files` : `${format.label}s`
}

function listWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
