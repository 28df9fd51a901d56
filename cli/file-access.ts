import { readFile, realpath, stat } from 'node:fs/promises'

export type FileRead =
  | { readonly kind: 'read'; readonly bytes: Uint8Array }
  | { readonly kind: 'failed'; readonly reason: string }

/** Reads a whole input file; a failure is a reason to show, never an exception. */
export async function readInputFile(path: string): Promise<FileRead> {
  try {
    return { kind: 'read', bytes: new Uint8Array(await readFile(path)) }
  } catch (error) {
    return { kind: 'failed', reason: describeFileError(error) }
  }
}

/** A file's bytes, or the reason it could not be read: the `readFile` engines and template choice are given. */
export async function readBytesOrFailure(path: string): Promise<Uint8Array | { readonly failure: string }> {
  const read = await readInputFile(path)
  return read.kind === 'read' ? read.bytes : { failure: read.reason }
}

/**
 * True when both paths name the same existing file, through symlinks, `..` or a different spelling on a
 * case-insensitive disk: the device and inode numbers decide, not the text of the paths.
 */
export async function isSameFile(first: string, second: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([stat(first), stat(second)])
    // Some file systems (FAT, some network drives) report no inode numbers; compare real paths there.
    if (a.ino === 0 || b.ino === 0) return (await realpath(first)) === (await realpath(second))
    return a.dev === b.dev && a.ino === b.ino
  } catch {
    // One of them does not exist (or cannot be seen), so they cannot be the same file.
    return false
  }
}

/** A file-system error in words, without the stack or the errno noise. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder'
    case 'EISDIR':
      return 'is a folder, not a file'
    case 'ENOTDIR':
      return 'a part of the path is not a folder'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the disk is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
