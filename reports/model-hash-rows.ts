import type { Cell } from './document-blocks'
import type { ReportSource } from './report-types'

type FieldRow = { readonly label: string; readonly value: Cell }

/**
 * Said wherever the model's hash is printed when it is not a file's (issue 9: the hash in a report must be
 * what `sha256sum` of the model file prints, so a report on unsaved changes must not look like one).
 */
export const UNSAVED_MODEL_STATEMENT =
  "This report is of the model as it was in the app, which is not a file on disk: sha256sum of the model's file does not reproduce its hash."

/**
 * The model's name, state and hash, for document control and the integrity section alike. The integrity
 * section (`forIntegrity`) also says what a hash of no file covers.
 */
export function modelHashRows(source: ReportSource, forIntegrity = false): readonly FieldRow[] {
  const name: Cell = [{ kind: 'code', text: source.modelFileName }]
  const hash: Cell = [{ kind: 'code', text: source.modelSha256 }]
  if (source.modelHash.kind === 'file') {
    return [
      { label: 'Model file', value: name },
      { label: 'Model file SHA-256', value: hash }
    ]
  }
  return [
    { label: 'Model', value: name },
    { label: 'Model state', value: [{ kind: 'flag', text: 'UNSAVED CHANGES' }, ' ', UNSAVED_MODEL_STATEMENT] },
    { label: 'Model SHA-256', value: hash },
    ...(forIntegrity ? [{ label: 'What the model hash covers', value: [source.modelHash.description] }] : [])
  ]
}

/** `sha256sum <file>` checks a file's hash; a hash of no file has nothing to run. */
export function modelHashCheckRows(source: ReportSource): readonly FieldRow[] {
  return source.modelHash.kind === 'file' ? [{ label: 'Check the model', value: [{ kind: 'code', text: `sha256sum ${source.modelFileName}` }] }] : []
}
