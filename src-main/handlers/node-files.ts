/** The FilePort on the real file system: async only (no *Sync in the main process), bounded reads. */
import { open, stat } from 'node:fs/promises'
import { writeFileAtomic } from '../../node-io/atomic-write'
import { FileTooLargeError } from './errors'
import type { FilePort, FileStat } from './ports'

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' })
    if (info.size > maxBytes) throw new FileTooLargeError(path, maxBytes)
    // Read at most maxBytes + 1 whatever stat said: the file may grow between stat and read.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
    let filled = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
      if (filled === buffer.length) break
    }
    if (filled > maxBytes) throw new FileTooLargeError(path, maxBytes)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, filled)
  } finally {
    await handle.close()
  }
}

async function statOrNull(path: string): Promise<FileStat | null> {
  try {
    const info = await stat(path)
    return { isFile: info.isFile(), size: info.size, mtimeMs: info.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export function createNodeFiles(): FilePort {
  return {
    readFile: readBounded,
    stat: statOrNull,
    writeAtomic: (path, bytes) => writeFileAtomic(path, bytes, { backup: true })
  }
}
