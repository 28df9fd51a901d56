import { describe, expect, it } from 'vitest'
import { asId } from '../../../model/ids'
import type { ThreatTarget } from '../../../model/model'
import { targetKey, targetText } from '../../../model/threat-target'

const interaction = (sourceId: string, flowId: string, targetId: string): ThreatTarget => ({
  kind: 'interaction',
  sourceId: asId(sourceId),
  flowId: asId(flowId),
  targetId: asId(targetId)
})

describe('targetText (the triage history form, which saved models hold)', () => {
  it('writes each kind of target as before', () => {
    expect(targetText({ kind: 'element', elementId: asId('e1') })).toBe('element:e1')
    expect(targetText(interaction('a', 'f', 'b'))).toBe('interaction:a>f>b')
    expect(targetText({ kind: 'interaction', sourceId: null, flowId: asId('f'), targetId: null })).toBe('interaction:>f>')
    expect(targetText({ kind: 'model' })).toBe('model')
  })
})

describe('targetKey', () => {
  it('tells targets apart even when ids hold the text form\'s separators', () => {
    // pytm names flows by free text, so ">" and ":" occur in ids.
    expect(targetText(interaction('a>b', 'c', 'd'))).toBe(targetText(interaction('a', 'b>c', 'd')))
    expect(targetKey(interaction('a>b', 'c', 'd'))).not.toBe(targetKey(interaction('a', 'b>c', 'd')))
    expect(targetKey({ kind: 'element', elementId: asId('flow:x') })).not.toBe(targetKey({ kind: 'flow', flowId: asId('x') }))
  })

  it('is equal for equal targets', () => {
    expect(targetKey(interaction('a', 'f', 'b'))).toBe(targetKey(interaction('a', 'f', 'b')))
    expect(targetKey({ kind: 'interaction', sourceId: null, flowId: asId('f'), targetId: null })).not.toBe(
      targetKey(interaction('', 'f', ''))
    )
  })
})
