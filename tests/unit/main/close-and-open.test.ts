import { describe, expect, it } from 'vitest'
import { createCloseController, type CloseChoice } from '../../../src-main/close-prompt'
import { createExternalOpener, fileArgumentsFrom } from '../../../src-main/external-open'
import type { OpenOutcome } from '../../../src-shared/ipc-contract'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function closeScenario(dirty: boolean, choice: CloseChoice) {
  const events: string[] = []
  const state = { dirty }
  const controller = createCloseController({
    isDirty: () => state.dirty,
    askSaveBeforeClose: async () => {
      events.push('ask')
      return choice
    },
    requestSaveAndClose: () => events.push('save-and-close'),
    closeWindow: () => {
      events.push('close')
      events.push(controller.shouldPreventClose() ? 'prevented-again' : 'closed')
    }
  })
  return { controller, events, state }
}

describe('close prompt', () => {
  it('closes a clean window without asking', () => {
    const { controller, events } = closeScenario(false, 'cancel')
    expect(controller.shouldPreventClose()).toBe(false)
    expect(events).toEqual([])
  })

  it('keeps a dirty window open on Cancel', async () => {
    const { controller, events } = closeScenario(true, 'cancel')
    expect(controller.shouldPreventClose()).toBe(true)
    await flush()
    expect(events).toEqual(['ask'])
  })

  it("closes without saving on Don't Save", async () => {
    const { controller, events } = closeScenario(true, 'discard')
    expect(controller.shouldPreventClose()).toBe(true)
    await flush()
    expect(events).toEqual(['ask', 'close', 'closed'])
  })

  it('on Save asks the renderer to save, and closes only once the file is written', async () => {
    const { controller, events } = closeScenario(true, 'save')
    controller.shouldPreventClose()
    await flush()
    expect(events).toEqual(['ask', 'save-and-close'])
    controller.onSaveFinished({ kind: 'written', path: '/m.twm', backupPath: null })
    expect(events).toEqual(['ask', 'save-and-close', 'close', 'closed'])
  })

  it('stays open when that save is cancelled, and a later save does not close it', async () => {
    const { controller, events } = closeScenario(true, 'save')
    controller.shouldPreventClose()
    await flush()
    controller.onSaveFinished({ kind: 'cancelled' })
    controller.onSaveFinished({ kind: 'written', path: '/m.twm', backupPath: null })
    expect(events).toEqual(['ask', 'save-and-close'])
  })

  it('does not stack prompts when close is clicked twice', async () => {
    const { controller, events } = closeScenario(true, 'cancel')
    controller.shouldPreventClose()
    controller.shouldPreventClose()
    await flush()
    expect(events).toEqual(['ask'])
  })
})

describe('external opener', () => {
  const opened = (path: string): OpenOutcome => ({ kind: 'failed', fileName: path, diagnostics: [] })

  function scenario(dirty: boolean, discard: boolean) {
    const events: string[] = []
    const opener = createExternalOpener({
      isDirty: () => dirty,
      confirmDiscardChanges: async () => {
        events.push('confirm')
        return discard
      },
      openPath: async (path) => {
        events.push(`open ${path}`)
        return opened(path)
      },
      sendOpened: (outcome) => events.push(`sent ${outcome.kind === 'failed' ? outcome.fileName : '?'}`)
    })
    return { opener, events }
  }

  it('waits for the renderer, then opens only the last file that arrived', async () => {
    const { opener, events } = scenario(false, true)
    await opener.open('/a.twm')
    await opener.open('/b.tm7')
    expect(events).toEqual([])
    await opener.markReady()
    expect(events).toEqual(['open /b.tm7', 'sent /b.tm7'])
  })

  it('asks before replacing unsaved changes, and does nothing on Cancel', async () => {
    const { opener, events } = scenario(true, false)
    await opener.markReady()
    await opener.open('/a.twm')
    expect(events).toEqual(['confirm'])
  })

  it('opens after Discard Changes', async () => {
    const { opener, events } = scenario(true, true)
    await opener.markReady()
    await opener.open('/a.twm')
    expect(events).toEqual(['confirm', 'open /a.twm', 'sent /a.twm'])
  })
})

describe('fileArgumentsFrom', () => {
  it('keeps model files from a command line, resolved against its folder', () => {
    expect(fileArgumentsFrom(['/opt/Threatwright/threatwright', '--flag', 'shop.TM7', '/abs/m.twm', 'notes.txt', '.'], '/home/me')).toEqual([
      '/home/me/shop.TM7',
      '/abs/m.twm'
    ])
  })

  it('ignores the executable even if it were named like a model', () => {
    expect(fileArgumentsFrom(['/weird/app.twm'], '/')).toEqual([])
  })
})
