import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from '../../src-renderer/src/components/App.svelte'
import { VIEW_PREFERENCES_KEY } from '../../src-renderer/src/editor/view-preferences'
import { FakeBackend } from './fake-backend'

/**
 * The editor's view and keyboard features (issue 7, items 7–9) in the app, with the canvas headless:
 * Tab cycling, layered Esc, the registry-fed context menu, align from the Arrange menu, grid and minimap
 * toggles, and shortcuts that stay out of the way while typing. The real mouse is e2e/editor-view.spec.ts.
 */

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  delete window.__threatwrightCanvas
})

const probe = () => {
  const found = window.__threatwrightCanvas
  if (!found) throw new Error('no canvas probe')
  return found
}

/** The app on the sample's "Shop" diagram: browser (0,0), web (300,0), db (300,300), flows f1 and f2, one box. */
async function openShop(): Promise<HTMLElement> {
  render(App, { props: { backend: { mode: 'browser', api: new FakeBackend() }, headless: true, host: { confirm: () => true, download: vi.fn(), close: vi.fn() } } })
  await waitFor(() => expect(window.__threatwrightCanvas?.nodeCount()).toBe(4))
  const stage = screen.getByTestId('editor-stage')
  stage.focus()
  return stage
}

/** Opens a menu of the menu bar and finds one of its entries by command id. */
async function menuItem(menu: string, commandId: string): Promise<HTMLElement> {
  await fireEvent.click(screen.getByRole('button', { name: menu }))
  const item = screen.getByRole('menu', { name: menu }).querySelector<HTMLElement>(`[data-command-id="${commandId}"]`)
  if (!item) throw new Error(`${commandId} is not in ${menu}`)
  return item
}

describe('editor view', () => {
  it('Tab and Shift+Tab cycle the elements in model order while the canvas has focus, and only then', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'Tab' })
    expect(probe().selectedIds()).toEqual(['browser'])
    await fireEvent.keyDown(stage, { key: 'Tab' })
    await fireEvent.keyDown(stage, { key: 'Tab' })
    expect(probe().selectedIds()).toEqual(['db'])
    await fireEvent.keyDown(stage, { key: 'Tab' })
    expect(probe().selectedIds()).toEqual(['browser'])
    await fireEvent.keyDown(stage, { key: 'Tab', shiftKey: true })
    expect(probe().selectedIds()).toEqual(['db'])

    // Elsewhere Tab is the browser's: focus moves, the selection stays.
    const outside = screen.getByRole('button', { name: 'Fit' })
    outside.focus()
    const untouched = await fireEvent.keyDown(outside, { key: 'Tab' })
    expect(untouched).toBe(true)
    expect(probe().selectedIds()).toEqual(['db'])
  })

  it('Esc cancels one layer at a time: the tool, then the selection, then leaves the canvas', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'Tab' })
    // C with one element selected: connect mode.
    await fireEvent.keyDown(stage, { key: 'c' })
    expect(document.querySelector('.stage')?.getAttribute('data-tool')).toBe('connect')
    await fireEvent.keyDown(stage, { key: 'Escape' })
    expect(document.querySelector('.stage')?.getAttribute('data-tool')).toBe('select')
    expect(probe().selectedIds()).toEqual(['browser'])
    await fireEvent.keyDown(stage, { key: 'Escape' })
    expect(probe().selectedIds()).toEqual([])
    expect(document.activeElement).toBe(stage)
    await fireEvent.keyDown(stage, { key: 'Escape' })
    expect(document.activeElement).not.toBe(stage)
  })

  it('Shift+F10 opens the context menu of the selection, fed by the registry; Delete there is one undo step', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'Tab' })
    await fireEvent.keyDown(stage, { key: 'F10', shiftKey: true })
    const menu = await screen.findByTestId('context-menu')
    const labels = within(menu).getAllByRole('menuitem').map((item) => item.textContent?.trim() ?? '')
    expect(labels.some((label) => label.startsWith('Delete'))).toBe(true)
    expect(labels.some((label) => label.startsWith('Connect'))).toBe(true)
    // One element selected: no Align entries.
    expect(labels.some((label) => label.startsWith('Align'))).toBe(false)
    expect(document.activeElement?.closest('[data-testid="context-menu"]')).toBe(menu)

    await fireEvent.click(within(menu).getByRole('menuitem', { name: /^Delete/ }))
    expect(screen.queryByTestId('context-menu')).toBeNull()
    await waitFor(() => expect(probe().elementIds()).not.toContain('browser'))
    // The attached flow went with it.
    expect(probe().elementIds()).not.toContain('f1')

    await fireEvent.keyDown(stage, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(probe().elementIds()).toEqual(expect.arrayContaining(['browser', 'f1'])))
  })

  it('Esc closes the context menu without deselecting', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'Tab' })
    await fireEvent.keyDown(stage, { key: 'ContextMenu' })
    const menu = await screen.findByTestId('context-menu')
    await fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByTestId('context-menu')).toBeNull()
    expect(probe().selectedIds()).toEqual(['browser'])
  })

  it('aligns the selection from the Arrange menu as one undo step', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'a', ctrlKey: true })
    await fireEvent.click(await menuItem('Arrange', 'arrange.align-right'))
    // The box reaches furthest right (250 + 250): every element's right edge goes to 500.
    await waitFor(() => expect(['browser', 'web', 'db'].map((id) => probe().modelBox(id)?.x)).toEqual([400, 400, 400]))
    await fireEvent.keyDown(stage, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(['browser', 'web', 'db'].map((id) => probe().modelBox(id)?.x)).toEqual([0, 300, 300]))
  })

  it('toggles the grid (and snapping) and the minimap from the View menu, and remembers the choice', async () => {
    const stage = await openShop()
    expect(stage.getAttribute('data-grid')).toBe('on')
    expect(screen.getByTestId('minimap')).toBeTruthy()
    const grid = await menuItem('View', 'view.toggle-grid')
    expect(grid.getAttribute('aria-checked')).toBe('true')
    await fireEvent.click(grid)
    expect(stage.getAttribute('data-grid')).toBe('off')
    await fireEvent.keyDown(stage, { key: 'O', ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(screen.queryByTestId('minimap')).toBeNull())
    expect(JSON.parse(localStorage.getItem(VIEW_PREFERENCES_KEY) ?? '{}')).toEqual({ grid: false, minimap: false })
    await fireEvent.keyDown(stage, { key: 'G', ctrlKey: true, shiftKey: true })
    expect(stage.getAttribute('data-grid')).toBe('on')
  })

  it('Shift+arrow moves one grid step, onto the grid', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'Tab' })
    await fireEvent.keyDown(stage, { key: 'ArrowRight' })
    await fireEvent.keyDown(stage, { key: 'ArrowRight' })
    await waitFor(() => expect(probe().modelBox('browser')?.x).toBe(2))
    await fireEvent.keyDown(stage, { key: 'ArrowRight', shiftKey: true })
    await waitFor(() => expect(probe().modelBox('browser')?.x).toBe(10))
    await fireEvent.keyDown(stage, { key: 'ArrowDown', shiftKey: true })
    await waitFor(() => expect(probe().modelBox('browser')).toMatchObject({ x: 10, y: 10 }))
  })

  it('never runs plain-key shortcuts while typing, nor the diagram clipboard in a text field or the threat table', async () => {
    const stage = await openShop()
    await fireEvent.keyDown(stage, { key: 'Tab' })
    const name = screen.getByTestId('property-name')
    name.focus()
    for (const key of ['c', 'b', 'Delete', 'Backspace', 'f', 'Tab', 'Escape']) {
      const notCancelled = await fireEvent.keyDown(name, { key })
      expect(notCancelled, key).toBe(true)
    }
    expect(await fireEvent.keyDown(name, { key: 'c', ctrlKey: true }), 'Ctrl+C copies the text').toBe(true)
    expect(probe().elementIds()).toContain('browser')
    expect(document.querySelector('.stage')?.getAttribute('data-tool')).toBe('select')
    expect((await menuItem('Edit', 'edit.paste')).hasAttribute('disabled')).toBe(true)

    // The threat table owns its keys: Delete there leaves the diagram alone.
    await fireEvent.keyDown(screen.getByTestId('threat-table'), { key: 'Delete' })
    expect(probe().elementIds()).toContain('browser')
  })
})
