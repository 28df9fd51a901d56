import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_RECENT_FILES, RECENT_FILES_NAME, createRecentFilesStore } from '../../../src-main/handlers/recent-files'
import { temporaryFolder } from './handler-fakes'

describe('createRecentFilesStore', () => {
  it('starts empty, creates its folder and persists as JSON', async () => {
    const folder = join(await temporaryFolder(), 'data', 'threatwright')
    const store = createRecentFilesStore({ folder })
    expect(await store.list()).toEqual([])
    await store.add('/models/a.twm')
    await store.add('/models/b.tm7')
    expect(await store.list()).toEqual(['/models/b.tm7', '/models/a.twm'])
    const saved = JSON.parse(await readFile(join(folder, RECENT_FILES_NAME), 'utf8'))
    expect(saved).toEqual({ version: 1, paths: ['/models/b.tm7', '/models/a.twm'] })
    expect(await createRecentFilesStore({ folder }).list()).toEqual(['/models/b.tm7', '/models/a.twm'])
  })

  it('moves a re-opened file to the top without duplicating it, and caps the list', async () => {
    const store = createRecentFilesStore({ folder: await temporaryFolder() })
    for (let index = 0; index < MAX_RECENT_FILES + 3; index += 1) await store.add(`/m/${index}.twm`)
    await store.add('/m/5.twm')
    const list = await store.list()
    expect(list).toHaveLength(MAX_RECENT_FILES)
    expect(list[0]).toBe('/m/5.twm')
    expect(list.filter((path) => path === '/m/5.twm')).toHaveLength(1)
    expect(list).not.toContain('/m/0.twm')
  })

  it('removes entries and tells the listener after each change', async () => {
    const changes: (readonly string[])[] = []
    const store = createRecentFilesStore({ folder: await temporaryFolder(), onChange: (paths) => changes.push(paths) })
    await Promise.all([store.add('/a.twm'), store.add('/b.twm'), store.remove('/a.twm')])
    expect(await store.list()).toEqual(['/b.twm'])
    expect(changes).toEqual([['/a.twm'], ['/b.twm', '/a.twm'], ['/b.twm']])
  })

  it('reads a corrupt or hostile file as an empty or filtered list', async () => {
    const folder = await temporaryFolder()
    await writeFile(join(folder, RECENT_FILES_NAME), '{not json')
    expect(await createRecentFilesStore({ folder }).list()).toEqual([])
    await writeFile(join(folder, RECENT_FILES_NAME), JSON.stringify({ version: 1, paths: ['/ok.twm', 'relative.twm', 42] }))
    expect(await createRecentFilesStore({ folder }).list()).toEqual(['/ok.twm'])
  })
})
