import { diagnostic, type Diagnostic } from '../../model/diagnostics'
import { FileTooLargeError } from './errors'

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as NodeJS.ErrnoException).code : undefined
}

export function isMissingFileError(error: unknown): boolean {
  return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Why a file could not be read, as a diagnostic that names the file (the import report shows it). */
export function readFailure(path: string, error: unknown): Diagnostic {
  const location = { file: path }
  if (error instanceof FileTooLargeError) {
    return diagnostic('main.file.too-large', 'error', `${path} is larger than ${error.maxBytes / (1024 * 1024)} MB, the most Threatwright opens.`, location)
  }
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return diagnostic('main.file.missing', 'error', `File not found: ${path}. It was moved or deleted.`, location)
    case 'EACCES':
    case 'EPERM':
      return diagnostic('main.file.permission', 'error', `No permission to read ${path}.`, location)
    case 'EISDIR':
      return diagnostic('main.file.not-a-file', 'error', `${path} is a folder, not a file.`, location)
    default:
      return diagnostic('main.file.unreadable', 'error', `Could not read ${path}: ${messageOf(error)}`, location)
  }
}

export function writeFailure(path: string, error: unknown): Diagnostic {
  const location = { file: path }
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return diagnostic('main.file.write-permission', 'error', `No permission to write ${path}. Nothing was changed.`, location)
    case 'ENOSPC':
      return diagnostic('main.file.disk-full', 'error', `The disk is full; ${path} was not changed.`, location)
    default:
      return diagnostic('main.file.write-failed', 'error', `Could not write ${path}: ${messageOf(error)}. The previous version is unchanged.`, location)
  }
}

/** A reader or writer that throws breaks its contract; the user still gets a message, not a dead promise. */
export function internalFailure(code: string, subject: string, error: unknown): Diagnostic {
  return diagnostic(code, 'error', `Threatwright failed on ${subject}: ${messageOf(error)}. Please report this.`, { file: subject })
}
