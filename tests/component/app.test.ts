import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src-renderer/src/components/App.svelte'
import { FakeBackend, shopDocument } from './fake-backend'

afterEach(() => {
  delete window.__threatwrightCanvas
})

function renderApp(api: FakeBackend, mode: 'browser' | 'electron' = 'browser', confirm = () => true) {
  return render(App, { props: { backend: { mode, api }, headless: true, host: { confirm, download: vi.fn(), close: vi.fn() } } })
}

async function pickFile(name: string, text: string): Promise<void> {
  const input = screen.getByTestId('open-file-input') as HTMLInputElement
  const file = new File([text], name, { type: 'application/json' })
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  await fireEvent.change(input)
}

describe('App', () => {
  it('opens the sample and shows model and diagram counts', async () => {
    const api = new FakeBackend()
    renderApp(api)

    await waitFor(() => expect(screen.getByTestId('model-elements').textContent).toBe('4'))
    expect(screen.getByTestId('model-diagrams').textContent).toBe('2')
    expect(screen.getByTestId('model-flows').textContent).toBe('2')
    expect(screen.getByTestId('model-boundaries').textContent).toBe('1')
    expect(screen.getByTestId('model-threats').textContent).toBe('3')
    expect(screen.getByTestId('threats-notStarted').textContent).toBe('2')
    expect(screen.getByTestId('threats-mitigated').textContent).toBe('1')
    expect(screen.getByTestId('diagram-elements').textContent).toBe('3')
    expect(screen.getByTestId('diagram-flows').textContent).toBe('2')
    expect(document.title).toBe('web-shop.twm — Threatwright')
    expect(screen.getByTestId('palette')).toBeTruthy()
    expect(api.calls.map((call) => call.name)).toContain('document:open-sample')
  })

  it('draws the diagram: the probe counts elements + boxes as nodes and flows as edges', async () => {
    renderApp(new FakeBackend())
    await waitFor(() => expect(window.__threatwrightCanvas?.nodeCount()).toBe(4))
    expect(window.__threatwrightCanvas?.edgeCount()).toBe(2)
  })

  it('switches diagrams with the tabs and re-renders the canvas', async () => {
    renderApp(new FakeBackend())
    const tabs = await screen.findAllByRole('tab')
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(['Shop', 'Admin'])

    await fireEvent.click(tabs[1] as HTMLElement)

    await waitFor(() => expect(screen.getByTestId('diagram-elements').textContent).toBe('1'))
    expect(tabs[1]?.getAttribute('aria-selected')).toBe('true')
    expect(window.__threatwrightCanvas?.nodeCount()).toBe(1)
    expect(window.__threatwrightCanvas?.edgeCount()).toBe(0)
    expect(window.__threatwrightCanvas?.elementIds()).toEqual(['office'])
  })

  it('shows an error panel naming the file when an open fails, and keeps the current model', async () => {
    const api = new FakeBackend()
    renderApp(api)
    await screen.findByTestId('model-elements')

    await pickFile('broken.json', '{ not json')

    const panel = await screen.findByTestId('error-panel')
    expect(within(panel).getByRole('heading').textContent).toBe('Could not open broken.json')
    expect(panel.textContent).toContain('broken.json, line 1: error: This is not a threat model file Threatwright can read.')
    expect(panel.textContent).toContain('still open')
    expect(screen.getByTestId('model-elements').textContent).toBe('4')
    expect(screen.getByTestId('document-title').textContent).toContain('web-shop.twm')

    const upload = api.calls.find((call) => call.name === 'document:open-bytes')
    expect(upload?.request).toEqual({ fileName: 'broken.json', base64: btoa('{ not json') })

    await fireEvent.click(within(panel).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByTestId('error-panel')).toBeNull()
  })

  it('shows a rejected request (server error) the same way', async () => {
    const api = new FakeBackend({
      'document:open-bytes': () => {
        throw new Error('the file is larger than 50 MB')
      }
    })
    renderApp(api)
    await screen.findByTestId('model-elements')
    await pickFile('huge.tm7', 'x')
    const panel = await screen.findByTestId('error-panel')
    expect(panel.textContent).toContain('Could not open huge.tm7')
    expect(panel.textContent).toContain('the file is larger than 50 MB')
  })

  it('shows the import report of an opened file', async () => {
    const api = new FakeBackend({
      'document:open-sample': () => ({
        kind: 'opened',
        document: {
          ...shopDocument(),
          fileName: 'legacy.tm7',
          diagnostics: [{ code: 'tm7.stencil.unknown', severity: 'warning', message: 'Unknown stencil drawn as a process', location: { file: 'legacy.tm7' } }]
        }
      })
    })
    renderApp(api)
    const report = await screen.findByTestId('report-panel')
    expect(report.textContent).toContain('Import report for legacy.tm7')
    expect(report.textContent).toContain('legacy.tm7: warning: Unknown stencil drawn as a process')
  })

  it('runs menu commands from the registry: Help → Keyboard shortcuts', async () => {
    renderApp(new FakeBackend())
    await fireEvent.click(screen.getByRole('button', { name: 'Help' }))
    await fireEvent.click(screen.getByRole('menuitem', { name: /Keyboard Shortcuts/ }))
    expect(await screen.findByTestId('shortcuts-sheet')).toBeTruthy()
  })

  it('renders Undo and Redo disabled', async () => {
    renderApp(new FakeBackend())
    await fireEvent.click(screen.getByRole('button', { name: 'Edit' }))
    const undo = screen.getByRole('menuitem', { name: /Undo/ }) as HTMLButtonElement
    const redo = screen.getByRole('menuitem', { name: /Redo/ }) as HTMLButtonElement
    expect(undo.disabled).toBe(true)
    expect(redo.disabled).toBe(true)
  })

  it('in Electron: no menu bar, menu events run commands, opened files replace the document', async () => {
    const api = new FakeBackend()
    renderApp(api, 'electron')
    await screen.findByTestId('model-elements')
    expect(screen.queryByRole('navigation', { name: 'Application menu' })).toBeNull()

    api.emit('menu:command', { commandId: 'help.about' })
    expect(await screen.findByTestId('about-version')).toBeTruthy()

    const other = shopDocument()
    api.emit('document:opened', {
      kind: 'opened',
      document: { ...other, fileName: 'other.twm', model: { ...other.model, diagrams: other.model.diagrams.slice(1) } }
    })
    await waitFor(() => expect(screen.getByTestId('document-title').textContent).toContain('other.twm'))
    expect(screen.getByTestId('model-elements').textContent).toBe('1')
  })

  it('in Electron: tells main what the native menu greys and checks, once per change', async () => {
    const api = new FakeBackend()
    renderApp(api, 'electron')
    await screen.findByTestId('model-elements')
    const sent = (): { disabled: readonly string[]; checked: readonly string[] }[] =>
      api.calls.filter((call) => call.name === 'menu:set-state').map((call) => call.request as { disabled: string[]; checked: string[] })
    await waitFor(() => expect(sent().at(-1)?.disabled).toContain('edit.undo'))
    expect(sent().at(-1)?.disabled).not.toContain('file.save')
    const before = sent().length

    api.emit('menu:command', { commandId: 'view.toggle-minimap' })
    await waitFor(() => expect(sent().length).toBe(before + 1))
    expect(new Set(sent().at(-1)?.checked)).not.toEqual(new Set(sent().at(-2)?.checked))
  })

  it('in the browser: the page draws its own menus, so no menu state is sent', async () => {
    const api = new FakeBackend()
    renderApp(api)
    await screen.findByTestId('model-elements')
    expect(api.calls.map((call) => call.name)).not.toContain('menu:set-state')
  })

  it('saves through the contract with a plain model and offers a browser download', async () => {
    const download = vi.fn()
    const api = new FakeBackend({
      'document:save': () => ({ kind: 'download', fileName: 'web-shop.twm', base64: btoa('{}') })
    })
    render(App, { props: { backend: { mode: 'browser', api }, headless: true, host: { confirm: () => true, download, close: vi.fn() } } })
    await screen.findByTestId('model-elements')

    await fireEvent.keyDown(window, { key: 's', ctrlKey: true })

    await waitFor(() => expect(download).toHaveBeenCalledWith('web-shop.twm', btoa('{}')))
    const save = api.calls.find((call) => call.name === 'document:save')
    expect(save?.request).toMatchObject({ path: null, formatId: 'native' })
    expect(structuredClone(save?.request)).toEqual(save?.request)
  })
})
