import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileTooLargeError } from '../../../src-main/handlers/errors'
import { createNodeFiles } from '../../../src-main/handlers/node-files'
import { temporaryFolder } from './handler-fakes'

describe('createNodeFiles', () => {
  it('reads a file up to the limit and refuses one byte more', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'ten.bin')
    await writeFile(path, Buffer.from('0123456789'))
    const files = createNodeFiles()
    expect(Buffer.from(await files.readFile(path, 10)).toString()).toBe('0123456789')
    await expect(files.readFile(path, 9)).rejects.toBeInstanceOf(FileTooLargeError)
  })

  it('reports missing files as ENOENT, folders as not files', async () => {
    const folder = await temporaryFolder()
    const files = createNodeFiles()
    await expect(files.readFile(join(folder, 'missing'), 10)).rejects.toMatchObject({ code: 'ENOENT' })
    await mkdir(join(folder, 'sub'))
    await expect(files.readFile(join(folder, 'sub'), 10)).rejects.toMatchObject({ code: 'EISDIR' })
    expect(await files.stat(join(folder, 'missing'))).toBeNull()
    expect(await files.stat(join(folder, 'sub'))).toMatchObject({ isFile: false })
  })

  it('writes atomically and keeps the previous version as .bak', async () => {
    const folder = await temporaryFolder()
    const path = join(folder, 'model.twm')
    await writeFile(path, 'old')
    const result = await createNodeFiles().writeAtomic(path, new TextEncoder().encode('new'))
    expect(result).toEqual({ path, backupPath: `${path}.bak` })
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('old')
  })
})
