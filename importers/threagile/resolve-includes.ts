import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { decodeUtf8 } from '../text/decode-text'
import { loadYamlSource, locateKey, type YamlSource } from './yaml-source'

/**
 * Reads an included file by its path relative to the model's folder ('/'-separated, already confined
 * to that folder). Returns null when the file does not exist. The caller (CLI, main process) does the
 * I/O; the reader stays pure.
 */
export type IncludeReader = (relativePath: string) => Uint8Array | null

/** Deeper include chains than this are refused; the official multi-file test model nests two levels. */
const MAX_INCLUDE_DEPTH = 16
/** Total files one model may pull in (the official test model has 18). */
const MAX_INCLUDED_FILES = 500

/** HEAD joins multi-line texts met in two files with `<br><br>` (threagile-schema.md §8). */
const CONCATENATED_TEXT_KEYS = new Set(['management_summary_comment', 'justification', 'justification_cia_rating', 'justification_out_of_scope'])

export interface LoadedModelText {
  /** The merged YAML value, or null when loading failed. */
  readonly value: unknown
  /** Every file read, the model file first: diagnostics look keys up in them. */
  readonly sources: readonly YamlSource[]
  /** The `includes` lists as written, by including file, so a writer can say what was merged. */
  readonly includedFiles: readonly string[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Loads the model file and, for Threagile HEAD's `includes` (schema §8), every included file through the
 * injected reader. Include paths are relative to the including file and must stay inside the model's
 * folder: absolute paths, `..` escapes and cycles are errors located at the `includes` key.
 */
export function loadWithIncludes(text: string, fileName: string, readInclude: IncludeReader | undefined): LoadedModelText {
  const diagnostics: Diagnostic[] = []
  const sources: YamlSource[] = []
  const includedFiles: string[] = []
  const root = loadYamlSource(text, fileName)
  if (root.kind === 'failed') return { value: null, sources, includedFiles, diagnostics: root.diagnostics }
  sources.push(root.source)

  const visit = (source: YamlSource, relativePath: string, chain: readonly string[]): unknown => {
    const value = source.value
    if (!isPlainObject(value) || !('includes' in value)) return value
    const { includes, ...rest } = value
    let merged: unknown = rest
    const at = (): { file: string; line?: number; column?: number } => ({ file: source.file, ...(locateKey(source, ['includes']) ?? {}) })
    if (!Array.isArray(includes)) {
      diagnostics.push(diagnostic('threagile.include', 'error', '"includes" must be a list of file paths', at()))
      return merged
    }
    for (const entry of includes) {
      if (typeof entry !== 'string' || entry.trim() === '') {
        diagnostics.push(diagnostic('threagile.include', 'error', 'every entry of "includes" must be a file path', at()))
        continue
      }
      const target = confinedPath(folderOf(relativePath), entry)
      if (target.kind === 'refused') {
        diagnostics.push(diagnostic('threagile.include', 'error', `include "${entry}" ${target.reason}`, at()))
        continue
      }
      if (chain.includes(target.path)) {
        diagnostics.push(
          diagnostic('threagile.include-cycle', 'error', `include "${entry}" forms a cycle: ${[...chain, target.path].join(' → ')}`, at())
        )
        continue
      }
      if (chain.length >= MAX_INCLUDE_DEPTH || includedFiles.length >= MAX_INCLUDED_FILES) {
        diagnostics.push(diagnostic('threagile.include', 'error', `include "${entry}" is nested too deeply or too many files are included`, at()))
        continue
      }
      if (readInclude === undefined) {
        diagnostics.push(
          diagnostic(
            'threagile.include-unavailable',
            'error',
            `the model includes "${entry}", but no way to read included files was given; open the model from its folder`,
            at()
          )
        )
        continue
      }
      const bytes = readInclude(target.path)
      if (bytes === null) {
        diagnostics.push(diagnostic('threagile.include-missing', 'error', `included file "${target.path}" does not exist`, at()))
        continue
      }
      includedFiles.push(target.path)
      const decoded = decodeUtf8(bytes)
      if (decoded.kind === 'refused') {
        diagnostics.push(diagnostic('threagile.encoding', 'error', `the file ${decoded.reason}`, { file: target.path }))
        continue
      }
      const loaded = loadYamlSource(decoded.text, target.path)
      if (loaded.kind === 'failed') {
        diagnostics.push(...loaded.diagnostics)
        continue
      }
      sources.push(loaded.source)
      const included = visit(loaded.source, target.path, [...chain, target.path])
      if (included === null || included === undefined) continue
      merged = mergeValues(merged, included, [], (path, message) =>
        diagnostics.push(diagnostic('threagile.include-conflict', 'error', message, { file: target.path, ...(locateKey(loaded.source, path) ?? {}) }))
      )
    }
    return merged
  }

  const value = visit(root.source, baseName(fileName), [baseName(fileName)])
  return { value, sources, includedFiles, diagnostics }
}

type Confined = { readonly kind: 'ok'; readonly path: string } | { readonly kind: 'refused'; readonly reason: string }

/** Resolves `entry` against `folder` (both relative to the model's folder) without leaving that folder. */
export function confinedPath(folder: string, entry: string): Confined {
  const trimmed = entry.trim()
  if (/^([/\\]|[A-Za-z]:|~)/.test(trimmed) || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return { kind: 'refused', reason: 'is an absolute path; includes must be relative to the model file' }
  }
  const parts: string[] = folder === '' ? [] : folder.split('/')
  for (const part of trimmed.split(/[/\\]+/)) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return { kind: 'refused', reason: "leaves the model's folder (`..`); includes must stay beside the model" }
      parts.pop()
    } else parts.push(part)
  }
  if (parts.length === 0) return { kind: 'refused', reason: 'is not a file path' }
  return { kind: 'ok', path: parts.join('/') }
}

function folderOf(relativePath: string): string {
  const slash = relativePath.lastIndexOf('/')
  return slash === -1 ? '' : relativePath.slice(0, slash)
}

function baseName(path: string): string {
  return path.split(/[/\\]/).at(-1) ?? path
}

/**
 * HEAD's merge (threagile-schema.md §8): maps merge key by key, lists become their unique union, empty
 * scalars take the other value, multi-line texts are joined, other differing scalars are a conflict.
 */
function mergeValues(base: unknown, extra: unknown, path: readonly string[], conflict: (path: readonly string[], message: string) => void): unknown {
  if (isEmpty(base)) return extra
  if (isEmpty(extra)) return base
  if (isPlainObject(base) && isPlainObject(extra)) {
    const result: Record<string, unknown> = { ...base }
    for (const [key, value] of Object.entries(extra)) {
      result[key] = Object.hasOwn(result, key) ? mergeValues(result[key], value, [...path, key], conflict) : value
    }
    return result
  }
  if (Array.isArray(base) && Array.isArray(extra)) {
    const seen = new Set(base.map((item) => JSON.stringify(item)))
    return [...base, ...extra.filter((item) => !seen.has(JSON.stringify(item)))]
  }
  if (base === extra) return base
  const key = path.at(-1) ?? ''
  if (typeof base === 'string' && typeof extra === 'string' && CONCATENATED_TEXT_KEYS.has(key)) return `${base}<br><br>${extra}`
  conflict(path, `"${path.join('.')}" is set to different values in two files (${JSON.stringify(base)} and ${JSON.stringify(extra)})`)
  return base
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === ''
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
