import { describe, expect, it } from 'vitest'
import { syntheticPytmModel } from '../../../bench/generate-pytm'
import { readInline, requireModel } from './pytm-test-files'

describe('the synthetic pytm benchmark model', () => {
  it('is deterministic and reads as 501 elements in three boundaries and 1,000 flows', () => {
    expect(JSON.stringify(syntheticPytmModel())).toBe(JSON.stringify(syntheticPytmModel()))
    const result = readInline(syntheticPytmModel(), 'synthetic.json')
    expect(result.diagnostics).toEqual([])
    const diagram = requireModel(result).diagrams[0]
    expect([diagram?.elements.length, diagram?.boundaries.length, diagram?.flows.length]).toEqual([501, 3, 1000])
    // "Internal" is nested in "DMZ", so DMZ states all 500 servers as members.
    expect(diagram?.boundaries.map((boundary) => boundary.statedMembers?.length)).toEqual([1, 500, 250])
  })
})
