import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { diagnostic } from '../../model/diagnostics'
import type { ThreatModel } from '../../model/model'
import type { Template } from '../../model/template'
import type { OpenedDocument, TemplateReadOutcome } from '../../src-shared/ipc-contract'
import { AZURE_TEMPLATE } from '../../templates/azure'
import App from '../../src-renderer/src/components/App.svelte'
import ApplyTemplateDialog from '../../src-renderer/src/threats/ApplyTemplateDialog.svelte'
import { FakeBackend, shopModel } from './fake-backend'

afterEach(() => {
  delete window.__threatwrightCanvas
})

/**
 * The shop (fake-backend.ts) with two types from another tool: the browser is a `browser`, the orders
 * store a `sqlDatabase`. Everything else has TMT's generic ids (GE.P, GE.DF, GE.TB.B), which every TMT
 * template and ours define. 7 items: 4 elements on two diagrams, 2 flows, 1 boundary; 3 threats, one mitigated.
 */
function mixedShop(): ThreatModel {
  const model = shopModel()
  const retype: Record<string, string> = { browser: 'browser', db: 'sqlDatabase' }
  return {
    ...model,
    diagrams: model.diagrams.map((diagram) => ({
      ...diagram,
      elements: diagram.elements.map((element) => ({ ...element, typeId: retype[element.id] ?? element.typeId }))
    }))
  }
}

function mixedShopDocument(): OpenedDocument {
  return { fileName: 'web-shop.twm', path: null, formatId: 'native', model: mixedShop(), diagnostics: [] }
}

/** A .tb7 as main would read it: Azure's types and rules under another identity. */
const CUSTOM_KB: Template = { ...AZURE_TEMPLATE, ref: { id: '6a2c3f2e-0000-4000-8000-000000000001', name: 'Contoso KB', version: '2.1.0.7' } }

function renderApp(readTemplate?: (request: { fileName: string; base64: string }) => TemplateReadOutcome) {
  const api = new FakeBackend({
    'document:open-sample': () => ({ kind: 'opened', document: mixedShopDocument() }),
    // Saving shows the model the app holds: what the file would get.
    'document:save': () => ({ kind: 'download', fileName: 'web-shop.twm', base64: btoa('{}') }),
    ...(readTemplate ? { 'template:read': readTemplate } : {})
  })
  render(App, { props: { backend: { mode: 'browser', api }, headless: true, host: { confirm: () => true, download: vi.fn(), close: vi.fn() } } })
  return api
}

/** Saves (Ctrl+S) and returns the model the app sent to main. */
async function savedModel(api: FakeBackend): Promise<ThreatModel> {
  const before = api.calls.filter((call) => call.name === 'document:save').length
  await fireEvent.keyDown(window, { key: 's', ctrlKey: true })
  await waitFor(() => expect(api.calls.filter((call) => call.name === 'document:save').length).toBe(before + 1))
  return (api.calls.filter((call) => call.name === 'document:save').at(-1)?.request as { model: ThreatModel }).model
}

/** Through the page's menu bar, as a user would. */
async function runMenu(menuId: string, commandId: string): Promise<void> {
  await fireEvent.click(menuButton(menuId))
  await fireEvent.click(await waitFor(() => commandButton(commandId)))
}

function menuButton(menuId: string): HTMLButtonElement {
  const button = document.querySelector<HTMLButtonElement>(`[data-menu-button="${menuId}"]`)
  if (button === null) throw new Error(`no menu ${menuId}`)
  return button
}

function commandButton(commandId: string): HTMLButtonElement {
  const button = document.querySelector<HTMLButtonElement>(`[data-command-id="${commandId}"]`)
  if (button === null) throw new Error(`no menu item ${commandId}`)
  return button
}

async function openApplyTemplate(): Promise<HTMLElement> {
  await waitFor(() => expect(screen.getByTestId('model-threats').textContent).toBe('3'))
  await runMenu('threats', 'threats.apply-template')
  return screen.findByTestId('apply-template-dialog')
}

async function chooseFile(name: string, text: string): Promise<void> {
  const input = screen.getByTestId('apply-template-file-input') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true })
  await fireEvent.change(input)
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent?.trim() ?? ''))
}

function count(testId: string): string {
  return screen.getByTestId(testId).textContent ?? ''
}

describe('Threats ▸ Apply Template', () => {
  it('shows the mapping report, applies as one undo step and keeps every threat and its triage', async () => {
    renderApp()
    const dialog = await openApplyTemplate()
    expect((within(dialog).getByTestId('apply-template-apply') as HTMLButtonElement).disabled).toBe(true)

    await fireEvent.click(within(dialog).getByRole('radio', { name: /Threatwright Azure/ }))
    // Generic ids exist in the template (kept by id); `sqlDatabase` finds Azure SQL Database by its words;
    // `browser` names nothing Azure has, so it gets the template's generic external interactor.
    expect(count('apply-template-summary')).toMatch(/7 elements, flows and boundaries: 5 same type id, 1 by kind and name, 1 the template's generic type for its kind, 0 unmapped/)
    expect(rowsOf(screen.getByTestId('apply-template-mapping'))).toEqual([
      ['browser', 'External interactorGE.EI', "the template's generic type for its kind", '1'],
      ['ProcessGE.P', 'ProcessGE.P', 'same type id', '2'],
      ['sqlDatabase', 'Azure SQL DatabaseSE.DS.TW.Azure.SqlDatabase', 'by kind and name', '1'],
      ['Data flowGE.DF', 'Data flowGE.DF', 'same type id', '2'],
      ['Trust boundary (box)GE.TB.B', 'Trust boundary (box)GE.TB.B', 'same type id', '1']
    ])
    const added = Number(/(\d+) new threats/.exec(count('apply-template-threats'))?.[1])
    expect(added).toBeGreaterThan(0)
    expect(count('apply-template-threats')).toMatch(/The 3 existing threats are kept with their triage/)

    await fireEvent.click(within(dialog).getByTestId('apply-template-apply'))
    expect(screen.queryByTestId('apply-template-dialog')).toBeNull()
    await waitFor(() => expect(count('model-threats')).toBe(String(3 + added)))
    expect(count('threats-mitigated')).toBe('1')
    expect(screen.getByText(/^Applied Threatwright Azure: 7 items re-typed, \d+ threats added$/)).toBeTruthy()
    // The palette offers the applied template's types.
    expect(within(screen.getByTestId('palette')).getByText('Azure SQL Database')).toBeTruthy()

    // Generate now runs the applied template's rules, and finds nothing left to add: regeneration is idempotent.
    await runMenu('threats', 'threats.generate')
    const rules = screen.getByRole('radio', { name: /Template rules: Threatwright Azure/ }) as HTMLInputElement
    expect([rules.disabled, rules.checked]).toEqual([false, true])
    expect(count('generate-summary')).toMatch(/^\s*0 new/)
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))

    // One undo step restores the model as it was: types, template and threats.
    await runMenu('edit', 'edit.undo')
    await waitFor(() => expect(count('model-threats')).toBe('3'))
    expect(count('threats-mitigated')).toBe('1')
    expect(within(screen.getByTestId('palette')).queryByText('Azure SQL Database')).toBeNull()
    await fireEvent.click(menuButton('edit'))
    expect(commandButton('edit.undo').disabled).toBe(true)
  })

  it('reads a .tb7 through main, shows its errors with the file and the place, then applies a good one', async () => {
    const api = renderApp(({ fileName }) =>
      fileName === 'broken.tb7'
        ? { kind: 'failed', fileName, diagnostics: [diagnostic('xml.syntax', 'error', 'malformed XML: unclosed root tag', { file: fileName, line: 228, column: 10 })] }
        : { kind: 'read', template: CUSTOM_KB, diagnostics: [], source: { fileName, text: '<KnowledgeBase/>' } }
    )
    await openApplyTemplate()

    await chooseFile('broken.tb7', '<KnowledgeBase>')
    expect((await screen.findByTestId('apply-template-messages')).textContent).toBe('broken.tb7, line 228, column 10: error: malformed XML: unclosed root tag')
    expect((screen.getByTestId('apply-template-apply') as HTMLButtonElement).disabled).toBe(true)
    expect(screen.queryByTestId('apply-template-mapping')).toBeNull()

    await chooseFile('contoso.tb7', '<KnowledgeBase/>')
    const fileChoice = (await screen.findByRole('radio', { name: 'Contoso KB (contoso.tb7)' })) as HTMLInputElement
    expect(fileChoice.checked).toBe(true)
    expect(screen.queryByTestId('apply-template-messages')).toBeNull()
    expect(api.calls.filter((call) => call.name === 'template:read').map((call) => call.request)).toEqual([
      { fileName: 'broken.tb7', base64: btoa('<KnowledgeBase>') },
      { fileName: 'contoso.tb7', base64: btoa('<KnowledgeBase/>') }
    ])
    const added = Number(/(\d+) new threats/.exec(count('apply-template-threats'))?.[1])
    expect(added).toBeGreaterThan(0)
    await fireEvent.click(screen.getByTestId('apply-template-apply'))
    await waitFor(() => expect(count('model-threats')).toBe(String(3 + added)))

    // The file's template is not shipped with the app, yet Generate runs its rules while the model names it.
    await runMenu('threats', 'threats.generate')
    const rules = screen.getByRole('radio', { name: /Template rules: Contoso KB/ }) as HTMLInputElement
    expect([rules.disabled, rules.checked]).toEqual([false, true])
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))

    // The model stores the file's text, so the template travels with it; Undo takes it out with the rest.
    expect((await savedModel(api)).extensions.tb7).toEqual({ fileName: 'contoso.tb7', text: '<KnowledgeBase/>' })
    await runMenu('edit', 'edit.undo')
    await waitFor(() => expect(count('model-threats')).toBe('3'))
    const undone = await savedModel(api)
    expect(undone.template).toBeNull()
    expect(Object.keys(undone.extensions)).not.toContain('tb7')
  })
})

describe('ApplyTemplateDialog', () => {
  it('re-types without touching the threats when regeneration is switched off', async () => {
    const onapply = vi.fn()
    const model = mixedShop()
    render(ApplyTemplateDialog, { props: { model, currentTemplate: null, readTemplate: vi.fn(), onapply, onclose: vi.fn() } })
    await fireEvent.click(screen.getByRole('radio', { name: /Threatwright Azure/ }))
    await fireEvent.click(screen.getByTestId('apply-template-regenerate'))
    expect(count('apply-template-threats')).toMatch(/Threats are not changed/)
    await fireEvent.click(screen.getByTestId('apply-template-apply'))

    const [applied, template] = onapply.mock.calls[0] as [ThreatModel, Template]
    expect(template).toBe(AZURE_TEMPLATE)
    expect(applied.template).toEqual(AZURE_TEMPLATE.ref)
    expect(applied.threats).toEqual(model.threats)
    expect(applied.diagrams[0]?.elements.map((element) => element.typeId)).toEqual(['GE.EI', 'GE.P', 'SE.DS.TW.Azure.SqlDatabase'])
  })

  it('stores the chosen .tb7 in the applied model, and a built-in template removes a stored one', async () => {
    const onapply = vi.fn()
    const stored = { ...mixedShop(), template: CUSTOM_KB.ref, extensions: { tb7: { fileName: 'old.tb7', text: '<KnowledgeBase>old</KnowledgeBase>' } } }
    // Main answers with the text it read (its BOM dropped, tests/unit/main/template-read.test.ts): that text is stored.
    const source = { fileName: 'contoso.tb7', text: '<KnowledgeBase>new</KnowledgeBase>' }
    const readTemplate = vi.fn(async (): Promise<TemplateReadOutcome> => ({ kind: 'read', template: CUSTOM_KB, diagnostics: [], source }))
    render(ApplyTemplateDialog, { props: { model: stored, currentTemplate: null, readTemplate, onapply, onclose: vi.fn() } })

    await chooseFile('contoso.tb7', '\uFEFF<KnowledgeBase>new</KnowledgeBase>')
    await screen.findByRole('radio', { name: 'Contoso KB (contoso.tb7)' })
    await fireEvent.click(screen.getByTestId('apply-template-apply'))
    expect((onapply.mock.calls[0]?.[0] as ThreatModel).extensions.tb7).toEqual({ fileName: 'contoso.tb7', text: '<KnowledgeBase>new</KnowledgeBase>' })

    await fireEvent.click(screen.getByRole('radio', { name: /Threatwright Azure/ }))
    await fireEvent.click(screen.getByTestId('apply-template-apply'))
    const builtIn = onapply.mock.calls[1]?.[0] as ThreatModel
    expect(builtIn.template).toEqual(AZURE_TEMPLATE.ref)
    expect(Object.keys(builtIn.extensions)).not.toContain('tb7')
  })

  it('shows a request main refused as an error naming the file', async () => {
    const readTemplate = vi.fn(async () => {
      throw new Error("Invalid request for 'template:read': 'base64' is longer than 279620268 characters")
    })
    render(ApplyTemplateDialog, { props: { model: mixedShop(), currentTemplate: null, readTemplate, onapply: vi.fn(), onclose: vi.fn() } })
    await chooseFile('huge.tb7', 'x')
    expect((await screen.findByTestId('apply-template-messages')).textContent).toMatch(/^huge\.tb7: error: the template could not be read: Invalid request/)
  })
})
