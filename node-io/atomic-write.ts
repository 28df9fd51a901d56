import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, open, readdir, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface AtomicWriteOptions {
  /** Keep the previous version as `<file>.bak` before replacing it. */
  readonly backup: boolean
  /**
   * Temp files of this target left by a save that was killed are removed once they are this old
   * (default one minute: far longer than any save, so another process's save in progress is never hit).
   */
  readonly sweepOlderThanMs?: number
}

const DEFAULT_SWEEP_AGE_MS = 60_000
const TEMP_SUFFIX = /\.[0-9a-f]{12}\.tmp$/

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
  await sweepStaleTemporaries(path, options.sweepOlderThanMs ?? DEFAULT_SWEEP_AGE_MS)
  return { path, backupPath }
}

/**
 * A save killed before its rename leaves `.<name>.<hex>.tmp` (or `<name>.bak.<hex>.tmp`) beside the file.
 * They are never the target, but they pile up and confuse users, so the next good save of the same file
 * clears them. Best effort: a temp file that cannot be read or removed is left for the next time.
 */
async function sweepStaleTemporaries(path: string, olderThanMs: number): Promise<string[]> {
  const folder = dirname(path)
  const name = basename(path)
  const removed: string[] = []
  const names = await readdir(folder).catch(() => [] as string[])
  for (const candidate of names) {
    if (!isTemporaryOf(candidate, name)) continue
    const full = join(folder, candidate)
    try {
      const info = await stat(full)
      if (Date.now() - info.mtimeMs < olderThanMs) continue
      await unlink(full)
      removed.push(full)
    } catch {
      // Gone already, or not ours to remove: the next save tries again.
    }
  }
  return removed
}

function isTemporaryOf(candidate: string, name: string): boolean {
  if (!TEMP_SUFFIX.test(candidate)) return false
  const stem = candidate.replace(TEMP_SUFFIX, '')
  return stem === `.${name}` || stem === `${name}.bak`
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
