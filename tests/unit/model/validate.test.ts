import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../../model/diagnostics'
import type { ThreatModel } from '../../../model/model'
import { validateModel } from '../../../model/validate'
import { sampleModel, withValue, withoutField } from './model-fixture'

/** code, severity and path of each diagnostic: what a test pins down (messages are checked separately). */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((entry) => `${entry.severity} ${entry.code} ${entry.location.path ?? ''}`)
}

describe('validateModel on valid input', () => {
  it('accepts a model built with the factory, without any diagnostic', () => {
    const input = sampleModel()
    const result = validateModel(input)
    expect(result.diagnostics).toEqual([])
    expect(result.model).toEqual(input)
  })

  it('returns a fresh copy, sharing no object with its input', () => {
    const input = sampleModel()
    const model = validateModel(input).model
    expect(model).not.toBe(input)
    expect(model?.diagrams).not.toBe(input.diagrams)
    expect(model?.diagrams[0]?.elements[0]?.layout).not.toBe(input.diagrams[0]?.elements[0]?.layout)
    expect(model?.extensions).not.toBe(input.extensions)
  })
})

describe('validateModel structural errors', () => {
  it('reports a wrong type with its path and a readable message', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'elements', 1, 'layout', 'width'], 'x')
    const result = validateModel(input)
    expect(result.model).toBeNull()
    expect(result.diagnostics).toEqual([
      {
        code: 'model.type',
        severity: 'error',
        message: 'expected a finite number, got the string "x"',
        location: { path: 'diagrams[0].elements[1].layout.width' }
      }
    ])
  })

  it('refuses NaN in a bend point (not JSON, breaks geometry)', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'flows', 0, 'bendPoints'], [{ x: 1, y: 2 }, { x: 3, y: NaN }])
    expect(summary(validateModel(input).diagnostics)).toEqual(['error model.type diagrams[0].flows[0].bendPoints[1].y'])
  })

  it('reports a missing field', () => {
    const result = validateModel(withoutField(sampleModel(), ['diagrams', 0, 'flows', 0, 'name']))
    expect(result.model).toBeNull()
    expect(summary(result.diagnostics)).toEqual(['error model.missing diagrams[0].flows[0].name'])
    expect(result.diagnostics[0]?.message).toBe('missing required field "name"')
  })

  it('reports a value outside an enum, listing the allowed members', () => {
    const result = validateModel(withValue(sampleModel(), ['diagrams', 1, 'elements', 0, 'kind'], 'proc'))
    expect(summary(result.diagnostics)).toEqual(['error model.enum diagrams[1].elements[0].kind'])
    expect(result.diagnostics[0]?.message).toBe(
      'expected one of "process", "externalInteractor", "dataStore", "annotation", got the string "proc"'
    )
  })

  it('checks canonical enum values but accepts any string as a threat category', () => {
    const badState = withValue(sampleModel(), ['threats', 0, 'state'], { value: 'done', raw: 'Done' })
    expect(summary(validateModel(badState).diagnostics)).toEqual(['error model.enum threats[0].state.value'])
    const unknownSpelling = withValue(sampleModel(), ['threats', 0, 'state'], { value: null, raw: 'Sev 0' })
    expect(validateModel(unknownSpelling).diagnostics).toEqual([])
    const customCategory = withValue(sampleModel(), ['threats', 0, 'category'], { value: 'linddun:linking', raw: null })
    expect(validateModel(customCategory).diagnostics).toEqual([])
  })

  it('refuses an unknown discriminant in a union', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'boundaries', 0, 'shape'], { kind: 'circle', radius: 3 })
    expect(summary(validateModel(input).diagnostics)).toEqual(['error model.enum diagrams[0].boundaries[0].shape.kind'])
  })

  it('checks the fields of the variant the discriminant selects', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'boundaries', 0, 'shape'], { kind: 'line', points: [{ x: 0 }] })
    expect(summary(validateModel(input).diagnostics)).toEqual([
      'error model.missing diagrams[0].boundaries[0].shape.points[0].y'
    ])
  })

  it('refuses a negative width', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'boundaries', 0, 'shape', 'rect', 'height'], -1)
    const result = validateModel(input)
    expect(summary(result.diagnostics)).toEqual(['error model.range diagrams[0].boundaries[0].shape.rect.height'])
    expect(result.diagnostics[0]?.message).toBe('height must not be negative, got -1')
  })

  it('refuses an empty id', () => {
    const note = { id: '', text: 'Reviewed', author: '', createdAt: null, extensions: {} }
    const result = validateModel(withValue(sampleModel(), ['notes'], [note]))
    expect(summary(result.diagnostics)).toEqual(['error model.empty-id notes[0].id'])
  })

  it('refuses a list selection that is not a whole index within the options', () => {
    const list = (selected: unknown): unknown => ({
      kind: 'list',
      key: 'auth',
      label: 'Authentication',
      options: ['None', 'OAuth'],
      selected,
      editable: true
    })
    const at = ['diagrams', 0, 'elements', 0, 'properties']
    for (const selected of [2, -1, 0.5]) {
      expect(summary(validateModel(withValue(sampleModel(), at, [list(selected)])).diagnostics)).toEqual([
        'error model.range diagrams[0].elements[0].properties[0].selected'
      ])
    }
    for (const selected of [null, 0, 1]) {
      expect(validateModel(withValue(sampleModel(), at, [list(selected)])).diagnostics).toEqual([])
    }
  })

  it('refuses values in an extension bag that are not JSON', () => {
    const input = withValue(sampleModel(), ['extensions'], { tm7: { sizes: [1, Infinity] }, pytm: () => 1 })
    expect(summary(validateModel(input).diagnostics)).toEqual([
      'error model.type extensions.tm7.sizes[1]',
      'error model.type extensions.pytm'
    ])
  })

  it('reports every problem in one pass', () => {
    let input = withValue(sampleModel(), ['metadata', 'tags'], 'security')
    input = withValue(input as ReturnType<typeof sampleModel>, ['threats', 0, 'origin'], { kind: 'user', by: 'me' })
    expect(summary(validateModel(input).diagnostics)).toEqual([
      'error model.type metadata.tags',
      'warning model.unknown-field threats[0].origin.by'
    ])
  })

  it('refuses something that is not an object at all', () => {
    expect(validateModel('model')).toEqual({
      model: null,
      diagnostics: [
        { code: 'model.type', severity: 'error', message: 'expected an object, got the string "model"', location: { path: '' } }
      ]
    })
  })
})

describe('validateModel unknown and hostile keys', () => {
  it('drops an unknown field with a warning and still returns the model', () => {
    const result = validateModel(withValue(sampleModel(), ['diagrams', 0, 'elements', 0, 'colour'], 'red'))
    expect(summary(result.diagnostics)).toEqual(['warning model.unknown-field diagrams[0].elements[0].colour'])
    expect(result.model).not.toBeNull()
    expect(result.model?.diagrams[0]?.elements[0]).not.toHaveProperty('colour')
  })

  it('never lets __proto__ reach a prototype, in a record or in an extension bag', () => {
    const text = JSON.stringify(sampleModel())
      .replace('"metadata":', '"__proto__":{"polluted":"root"},"metadata":')
      .replace(/"extensions":\{\}\}$/, '"extensions":{"tm7":{"__proto__":{"polluted":"bag"},"constructor":{},"kept":1}}}')
    const result = validateModel(JSON.parse(text))
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    // Fields are checked before unknown keys are listed, so the bag's warning comes first.
    expect(summary(result.diagnostics)).toEqual([
      'warning model.unsafe-key extensions.tm7.__proto__',
      'warning model.unsafe-key extensions.tm7.constructor',
      'warning model.unknown-field __proto__'
    ])
    const model = result.model
    expect(model).not.toBeNull()
    expect(Object.getPrototypeOf(model)).toBe(Object.prototype)
    expect((model as unknown as Record<string, unknown>)['polluted']).toBeUndefined()
    const bag = model?.extensions['tm7']
    expect(bag).toEqual({ kept: 1 })
    expect(Object.getPrototypeOf(bag)).toBe(Object.prototype)
  })

  it('does not take inherited properties for fields', () => {
    const inherited = Object.create({ key: 'k', value: 'v' }) as object
    const result = validateModel(withValue(sampleModel(), ['metadata', 'custom'], [inherited]))
    expect(summary(result.diagnostics)).toEqual([
      'error model.missing metadata.custom[0].key',
      'error model.missing metadata.custom[0].value'
    ])
  })
})

describe('validateModel with keepClean (a reader checking the model it has just built)', () => {
  it('returns a clean model as it is, without a copy', () => {
    const input = sampleModel()
    const result = validateModel(input, { keepClean: true })
    expect(result.diagnostics).toEqual([])
    expect(result.model).toBe(input)
  })

  it('copies only the path down to a part it drops something from, and leaves the input alone', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'elements', 0, 'colour'], 'red') as ThreatModel
    const result = validateModel(input, { keepClean: true })
    expect(summary(result.diagnostics)).toEqual(['warning model.unknown-field diagrams[0].elements[0].colour'])
    const model = result.model
    expect(model).not.toBe(input)
    expect(model?.diagrams[0]?.elements[0]).not.toHaveProperty('colour')
    expect(model?.diagrams[0]?.elements[0]).toEqual(withoutColour(input.diagrams[0]?.elements[0]))
    expect(input.diagrams[0]?.elements[0]).toHaveProperty('colour', 'red')
    // Untouched neighbours are shared, not copied.
    expect(model?.diagrams[0]?.elements[1]).toBe(input.diagrams[0]?.elements[1])
    expect(model?.diagrams[1]).toBe(input.diagrams[1])
    expect(model?.metadata).toBe(input.metadata)
  })

  it('drops unsafe keys from an extension bag into a copy, as without keepClean', () => {
    const text = JSON.stringify(sampleModel()).replace(
      /"extensions":\{\}\}$/,
      '"extensions":{"tm7":{"kept":1,"__proto__":{"polluted":"bag"},"after":[1]}}}'
    )
    const input = JSON.parse(text) as ThreatModel
    const copied = validateModel(JSON.parse(text))
    const kept = validateModel(input, { keepClean: true })
    expect(kept.diagnostics).toEqual(copied.diagnostics)
    expect(kept.model).toEqual(copied.model)
    expect(kept.model?.extensions['tm7']).toEqual({ kept: 1, after: [1] })
    expect(Object.keys(input.extensions['tm7'] as object)).toContain('__proto__')
  })

  it('reports the same problems as a copying validation', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'flows', 0, 'bendPoints'], [{ x: 1, y: 2 }, { x: 3, y: NaN }])
    expect(validateModel(input, { keepClean: true })).toEqual(validateModel(input))
  })
})

/** An element as it reads without its `colour` field (the unknown field the test adds). */
function withoutColour(element: unknown): unknown {
  const { colour: _dropped, ...rest } = element as Record<string, unknown>
  return rest
}

describe('validateModel references', () => {
  it('refuses an id used twice for the same kind, anywhere in the model', () => {
    const result = validateModel(withValue(sampleModel(), ['diagrams', 1, 'elements', 0, 'id'], 'p1'))
    expect(result.model).toBeNull()
    expect(result.diagnostics).toEqual([
      {
        code: 'model.duplicate-id',
        severity: 'error',
        message: 'duplicate id "p1": already used at diagrams[0].elements[0]',
        location: { path: 'diagrams[1].elements[0].id' }
      }
    ])
  })

  it('allows the same id for things of different kinds', () => {
    expect(validateModel(withValue(sampleModel(), ['threats', 0, 'id'], 'p1')).diagnostics).toEqual([])
  })

  it('refuses a flow end that is no element, or an element of another diagram', () => {
    const dangling = validateModel(withValue(sampleModel(), ['diagrams', 0, 'flows', 0, 'source'], 'gone'))
    expect(dangling.model).toBeNull()
    expect(summary(dangling.diagnostics)).toEqual(['error model.reference diagrams[0].flows[0].source'])
    const elsewhere = validateModel(withValue(sampleModel(), ['diagrams', 0, 'flows', 0, 'target'], 'e2'))
    expect(summary(elsewhere.diagnostics)).toEqual(['error model.reference diagrams[0].flows[0].target'])
    expect(elsewhere.diagnostics[0]?.message).toBe(
      'flow target "e2" is an element of another diagram (diagrams[1].elements[0])'
    )
  })

  it('accepts unattached flow ends', () => {
    const input = withValue(sampleModel(), ['diagrams', 0, 'flows', 0, 'source'], null)
    expect(validateModel(input).diagnostics).toEqual([])
  })

  it('refuses missing data assets, stated members and responseTo flows', () => {
    let input = withValue(sampleModel(), ['diagrams', 0, 'elements', 1, 'dataStored'], ['a1', 'a9'])
    input = withValue(input as ReturnType<typeof sampleModel>, ['diagrams', 0, 'flows', 0, 'dataSent'], ['a8'])
    input = withValue(input as ReturnType<typeof sampleModel>, ['diagrams', 0, 'flows', 0, 'responseTo'], 'f9')
    input = withValue(input as ReturnType<typeof sampleModel>, ['diagrams', 0, 'boundaries', 0, 'statedMembers'], [
      'p1',
      'e2'
    ])
    expect(summary(validateModel(input).diagnostics)).toEqual([
      'error model.reference diagrams[0].elements[1].dataStored[1]',
      'error model.reference diagrams[0].flows[0].dataSent[0]',
      'error model.reference diagrams[0].flows[0].responseTo',
      'error model.reference diagrams[0].boundaries[0].statedMembers[1]'
    ])
  })

  it('keeps a threat whose target is gone, with a warning only', () => {
    const target = { kind: 'interaction', sourceId: 'p1', flowId: 'deleted-flow', targetId: 'deleted-store' }
    const result = validateModel(withValue(sampleModel(), ['threats', 0, 'target'], target))
    expect(result.model).not.toBeNull()
    expect(result.model?.threats[0]?.target).toEqual(target)
    expect(summary(result.diagnostics)).toEqual([
      'warning model.stale-reference threats[0].target.flowId',
      'warning model.stale-reference threats[0].target.targetId'
    ])
  })

  it('warns about a threat definition or diagram that does not exist', () => {
    let input = withValue(sampleModel(), ['threats', 0, 'definitionId'], 'TH9')
    input = withValue(input as ReturnType<typeof sampleModel>, ['threats', 0, 'diagramId'], 'd9')
    const result = validateModel(input)
    expect(result.model).not.toBeNull()
    expect(summary(result.diagnostics)).toEqual([
      'warning model.stale-reference threats[0].definitionId',
      'warning model.stale-reference threats[0].diagramId'
    ])
  })
})
