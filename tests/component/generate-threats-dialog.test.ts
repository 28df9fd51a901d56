import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import { readModelFile } from '../../importers/registry'
import type { ThreatModel } from '../../model/model'
import GenerateThreatsDialog from '../../src-renderer/src/threats/GenerateThreatsDialog.svelte'
import { corpusFiles } from '../corpus'

function corpusModel(name: string): ThreatModel {
  const path = corpusFiles('pytm', [name])[0]!
  const model = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) }).model
  if (model === null) throw new Error(`${name} did not read`)
  return model
}

async function choose(input: HTMLInputElement, name: string, text: string): Promise<void> {
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true })
  await fireEvent.change(input)
}

describe('Generate threats with pytm’s library', () => {
  it('asks for the library, reports a broken one, then previews and adds pytm’s findings', async () => {
    const model = corpusModel('pytm__tests-input.json')
    const onapply = vi.fn()
    render(GenerateThreatsDialog, { props: { model, onapply, onclose: vi.fn() } })
    // A pytm model opens on the pytm engine, which waits for a library.
    const pytm = screen.getByRole('radio', { name: /pytm's threat library/ }) as HTMLInputElement
    expect(pytm.disabled).toBe(true)
    expect(screen.queryByTestId('generate-summary')).toBeNull()

    const input = screen.getByTestId('pytm-library-input') as HTMLInputElement
    await choose(input, 'broken.json', '[{"SID": "X1",')
    expect((await screen.findByTestId('pytm-library-messages')).textContent).toContain('not valid JSON')
    expect(pytm.disabled).toBe(true)

    const library = readFileSync(corpusFiles('pytm', ['threats.json'])[0]!, 'utf8')
    await choose(input, 'threats.json', library)
    await waitFor(() => expect(pytm.disabled).toBe(false))
    expect(pytm.checked).toBe(true)
    const summary = screen.getByTestId('generate-summary').textContent ?? ''
    const added = Number(/(\d+) new/.exec(summary)?.[1])
    expect(added).toBeGreaterThan(0)

    await fireEvent.click(screen.getByTestId('generate-apply'))
    expect(onapply).toHaveBeenCalledOnce()
    const [merged, count] = onapply.mock.calls[0] as [ThreatModel, number]
    expect(count).toBe(added)
    expect(merged.threats.filter((threat) => threat.origin.kind === 'generated' && threat.origin.engine === 'pytm')).toHaveLength(added)
  })
})
