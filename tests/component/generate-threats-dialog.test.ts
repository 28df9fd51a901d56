import { fireEvent, render, screen, waitFor } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ThreatModel } from '../../model/model'
import GenerateThreatsDialog from '../../src-renderer/src/threats/GenerateThreatsDialog.svelte'
import { sampleModel } from '../small-model'
import { TEST_PYTM_LIBRARY } from '../pytm-test-library'

async function choose(input: HTMLInputElement, name: string, text: string): Promise<void> {
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true })
  await fireEvent.change(input)
}

describe('Generate threats with a pytm threat library', () => {
  it('asks for the library, reports a broken one, then previews and adds its findings', async () => {
    const onapply = vi.fn()
    // A model from pytm opens on the pytm engine, which waits for a library.
    const model: ThreatModel = { ...sampleModel(), extensions: { pytm: {} } }
    render(GenerateThreatsDialog, { props: { model, embeddedTemplate: null, onapply, onclose: vi.fn() } })
    const pytm = screen.getByRole('radio', { name: /pytm's threat library/ }) as HTMLInputElement
    expect(pytm.disabled).toBe(true)
    expect(screen.queryByTestId('generate-summary')).toBeNull()

    const input = screen.getByTestId('pytm-library-input') as HTMLInputElement
    await choose(input, 'broken.json', '[{"SID": "X1",')
    const messages = (await screen.findByTestId('pytm-library-messages')).textContent ?? ''
    expect(messages).toMatch(/^broken\.json, line 1, column \d+: error: the threat library is not valid JSON/)
    expect(pytm.disabled).toBe(true)

    await choose(input, 'threats.json', TEST_PYTM_LIBRARY)
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
