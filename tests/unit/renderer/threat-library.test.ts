import { describe, expect, it } from 'vitest'
import { asId, type DiagramId, type ElementId } from '../../../model/ids'
import { copyDestination, destinationsOf } from '../../../src-renderer/src/threats/threat-destinations'
import { LIBRARY_KEY, loadLibrary, saveToLibrary, searchLibrary, threatFromEntry, type LibraryEntry } from '../../../src-renderer/src/threats/threat-library'
import { sampleModel } from '../../small-model'

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { data: Record<string, string> } {
  const data = { ...initial }
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) }
}

const entry: LibraryEntry = { title: 'Replay', category: 'tampering', description: 'Sent again.', mitigations: ['Nonces'] }

describe('the threat library', () => {
  it('keeps only well-formed entries, and nothing from unreadable storage', () => {
    expect(loadLibrary(memoryStorage({ [LIBRARY_KEY]: 'not json' }))).toEqual([])
    expect(loadLibrary(memoryStorage({ [LIBRARY_KEY]: JSON.stringify([entry, { title: 3 }, null]) }))).toEqual([entry])
    expect(loadLibrary(undefined)).toEqual([])
  })

  it('replaces an entry of the same title and searches every word', () => {
    const storage = memoryStorage()
    saveToLibrary(entry, storage)
    saveToLibrary({ title: 'Log tampering', category: null, description: '', mitigations: [] }, storage)
    const saved = saveToLibrary({ ...entry, description: 'Sent twice.' }, storage)
    expect(saved.map((each) => each.title)).toEqual(['Log tampering', 'Replay'])
    expect(JSON.parse(storage.data[LIBRARY_KEY] ?? '')).toEqual(saved)
    expect(searchLibrary(saved, 'tampering').map((each) => each.title)).toEqual(['Log tampering', 'Replay'])
    expect(searchLibrary(saved, 'twice TAMPERING').map((each) => each.title)).toEqual(['Replay'])
  })

  it('makes a user threat on the destination with proposed mitigations', () => {
    const destination = { key: 'element', label: 'Web', target: { kind: 'element', elementId: asId<ElementId>('p1') }, diagramId: asId<DiagramId>('d1') } as const
    expect(threatFromEntry(entry, destination)).toMatchObject({
      title: 'Replay',
      category: { value: 'tampering', raw: null },
      target: destination.target,
      diagramId: 'd1',
      mitigations: [{ description: 'Nonces', status: 'proposed' }]
    })
  })
})

describe('destinations of the canvas selection', () => {
  const diagram = sampleModel().diagrams[0] ?? null

  it('names one element, a flow and its interaction, and nothing for boundaries or several items', () => {
    expect(destinationsOf(diagram, ['p1']).map((each) => each.target)).toEqual([{ kind: 'element', elementId: 'p1' }])
    expect(destinationsOf(diagram, ['f1']).map((each) => each.target.kind)).toEqual(['flow', 'interaction'])
    expect(destinationsOf(diagram, ['b1'])).toEqual([])
    expect(destinationsOf(diagram, ['p1', 's1'])).toEqual([])
  })

  it('copies an interaction threat to the interaction, and never to where the threat already is', () => {
    const onFlow = destinationsOf(diagram, ['f1'])
    expect(copyDestination(onFlow, { target: { kind: 'element', elementId: asId<ElementId>('p1') } })?.key).toBe('flow')
    const interaction = onFlow[1]?.target
    expect(interaction && copyDestination(onFlow, { target: interaction })).toBeNull()
    expect(copyDestination(destinationsOf(diagram, ['p1']), { target: { kind: 'element', elementId: asId<ElementId>('p1') } })).toBeNull()
  })
})
