import { describe, expect, it } from 'vitest'
import { createElectronPrompts, type DialogApi } from '../../../src-main/electron-dialogs'
import { nativeFormat, yamlFormat } from './handler-fakes'

function fakeDialog(answers: { response?: number; filePaths?: string[]; filePath?: string; canceled?: boolean }) {
  const calls: unknown[][] = []
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(['open', ...args])
      return { canceled: answers.canceled ?? false, filePaths: answers.filePaths ?? [] }
    },
    showSaveDialog: async (...args: unknown[]) => {
      calls.push(['save', ...args])
      return { canceled: answers.canceled ?? false, filePath: answers.filePath ?? '' }
    },
    showMessageBox: async (...args: unknown[]) => {
      calls.push(['message', ...args])
      return { response: answers.response ?? 0, checkboxChecked: false }
    }
  }
  return { dialog: dialog as unknown as DialogApi, calls }
}

describe('createElectronPrompts', () => {
  it('maps the close prompt buttons to choices', async () => {
    const choices = []
    for (const response of [0, 1, 2]) {
      choices.push(await createElectronPrompts(fakeDialog({ response }).dialog, () => null).askSaveBeforeClose())
    }
    expect(choices).toEqual(['save', 'discard', 'cancel'])
  })

  it('replaces a file only on an explicit Replace', async () => {
    expect(await createElectronPrompts(fakeDialog({ response: 0 }).dialog, () => null).confirmOverwriteForeignFormat('/a.tm7', 'TMT', 'Threatwright model')).toBe(true)
    expect(await createElectronPrompts(fakeDialog({ response: 1 }).dialog, () => null).confirmOverwrite('/a.twm')).toBe(false)
    expect(await createElectronPrompts(fakeDialog({ response: 1 }).dialog, () => null).confirmDiscardChanges()).toBe(false)
  })

  it('filters Open by the readable extensions and returns the picked path', async () => {
    const { dialog, calls } = fakeDialog({ filePaths: ['/m/shop.yaml'] })
    expect(await createElectronPrompts(dialog, () => null).showOpen([nativeFormat, yamlFormat])).toBe('/m/shop.yaml')
    expect(calls[0]?.[1]).toMatchObject({ filters: [{ name: 'Threat models', extensions: ['twm', 'yaml', 'yml'] }, { extensions: ['*'] }] })
  })

  it('asks GTK to confirm overwrites in Save and maps cancel to null', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true })
    expect(await createElectronPrompts(dialog, () => null).showSave('shop.twm', nativeFormat)).toBeNull()
    expect(calls[0]?.[1]).toMatchObject({ defaultPath: 'shop.twm', properties: expect.arrayContaining(['showOverwriteConfirmation']) })
  })
})
