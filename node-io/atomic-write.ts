import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface AtomicWriteOptions {
  /** Keep the previous version as `<file>.bak` before replacing it. */
  readonly backup: boolean
}

export interface AtomicWriteResult {
  readonly path: string
  /** Where the previous version was kept, or null when there was none (or no backup was asked for). */
  readonly backupPath: string | null
}

/**
 * Replaces `path` with `bytes` so that a crash at any moment leaves either the complete old file or the
 * complete new one: write a temp file in the same folder (same file system, so rename is atomic),
 * fsync it, rename it over the target, then fsync the folder so the rename itself survives power loss.
 * The backup is a copy made before the rename, so it is intact whatever happens to the rename.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions
): Promise<AtomicWriteResult> {
  const folder = dirname(path)
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let backupPath: string | null = null
  try {
    const handle = await open(temporary, 'wx', 0o644)
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.backup) backupPath = await backupExisting(path)
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
  await syncFolder(folder)
  return { path, backupPath }
}

async function backupExisting(path: string): Promise<string | null> {
  const backupPath = `${path}.bak`
  try {
    // Copy to a temp name then rename, so the .bak is itself never half-written.
    const temporary = `${backupPath}.${randomBytes(6).toString('hex')}.tmp`
    await copyFile(path, temporary, constants.COPYFILE_EXCL)
    const handle = await open(temporary, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, backupPath)
    return backupPath
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Folders cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
