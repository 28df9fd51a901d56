/**
 * Where recovery copies live: one folder in the app's data folder (Electron's userData, browser mode's
 * data folder), one file per document. Names are checked here, so nothing a renderer sends can point
 * outside the folder. Writes are atomic (node-io/atomic-write.ts): a crash mid-autosave leaves the
 * previous copy, never half a one.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../node-io/atomic-write'

export const RECOVERY_FOLDER_NAME = 'recovery'
const SUFFIX = '.recovery.json'
/** The renderer's document key: random, so letters, digits, `-` and `_` suffice. */
export const DOCUMENT_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

export interface RecoveryStoragePort {
  /** The ids (document keys) that have a copy. */
  list(): Promise<string[]>
  /** null when there is no copy (or it cannot be read). */
  read(id: string): Promise<Uint8Array | null>
  write(id: string, bytes: Uint8Array): Promise<void>
  remove(id: string): Promise<void>
}

function fileFor(folder: string, id: string): string {
  if (!DOCUMENT_KEY_PATTERN.test(id)) throw new Error(`not a document key: ${JSON.stringify(id.slice(0, 80))}`)
  return join(folder, `${id}${SUFFIX}`)
}

export function createRecoveryStorage(dataFolder: string): RecoveryStoragePort {
  const folder = join(dataFolder, RECOVERY_FOLDER_NAME)
  return {
    async list() {
      const names = await readdir(folder).catch(() => [] as string[])
      return names
        .filter((name) => name.endsWith(SUFFIX))
        .map((name) => name.slice(0, -SUFFIX.length))
        .filter((id) => DOCUMENT_KEY_PATTERN.test(id))
    },
    async read(id) {
      return readFile(fileFor(folder, id)).then(
        (buffer) => new Uint8Array(buffer),
        () => null
      )
    },
    async write(id, bytes) {
      await mkdir(folder, { recursive: true })
      // No .bak: the copy is itself the backup, and a stale .bak would be offered by nobody.
      await writeFileAtomic(fileFor(folder, id), bytes, { backup: false })
    },
    async remove(id) {
      await unlink(fileFor(folder, id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
    }
  }
}
