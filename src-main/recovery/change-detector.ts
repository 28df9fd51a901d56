/**
 * Did the open file change on disk behind our back (another editor, a git pull, a colleague on a share)?
 * We remember each file's size, mtime and SHA-256 when we open or save it. A check compares size and mtime
 * first (cheap); only when they differ does it hash, because a touch or a copy that keeps the content is
 * not a change worth interrupting the user for.
 */
import type { ChangeCheck } from '../../src-shared/ipc-contract'
import type { FilePort } from '../handlers/ports'
import { MAX_MODEL_FILE_BYTES } from '../handlers/limits'
import { sha256Hex } from '../../node-io/sha256'

interface Fingerprint {
  readonly size: number
  readonly mtimeMs: number | undefined
  readonly sha256: string
}

export interface ChangeDetector {
  /** Remembers `bytes` as what is on disk at `path` now (just read or just written). */
  record(path: string, bytes: Uint8Array): Promise<void>
  check(path: string, acknowledge: boolean): Promise<ChangeCheck>
}

export function createChangeDetector(files: Pick<FilePort, 'readFile' | 'stat'>): ChangeDetector {
  const known = new Map<string, Fingerprint>()

  async function fingerprint(path: string, bytes: Uint8Array): Promise<Fingerprint> {
    const info = await files.stat(path).catch(() => null)
    return { size: bytes.length, mtimeMs: info?.mtimeMs, sha256: sha256Hex(bytes) }
  }

  return {
    async record(path, bytes) {
      known.set(path, await fingerprint(path, bytes))
    },
    async check(path, acknowledge) {
      const recorded = known.get(path)
      if (recorded === undefined) return { kind: 'not-tracked' }
      const info = await files.stat(path).catch(() => null)
      if (info === null || !info.isFile) return { kind: 'missing' }
      if (info.size === recorded.size && info.mtimeMs !== undefined && info.mtimeMs === recorded.mtimeMs) return { kind: 'unchanged' }
      let bytes: Uint8Array
      try {
        bytes = await files.readFile(path, MAX_MODEL_FILE_BYTES)
      } catch {
        return { kind: 'missing' }
      }
      const now: Fingerprint = { size: bytes.length, mtimeMs: info.mtimeMs, sha256: sha256Hex(bytes) }
      // Same content, new mtime (touched, copied back): remember the new mtime so the next check is cheap again.
      if (now.sha256 === recorded.sha256 || acknowledge) {
        known.set(path, now)
        if (now.sha256 === recorded.sha256) return { kind: 'unchanged' }
      }
      return { kind: 'changed', size: now.size, modifiedAt: new Date(info.mtimeMs ?? Date.now()).toISOString() }
    }
  }
}
