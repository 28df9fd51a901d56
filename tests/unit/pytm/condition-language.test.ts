import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileCondition } from '../../../analysis/pytm/compile-condition'
import { ConditionSyntaxError } from '../../../analysis/pytm/condition-tokens'
import { enumMember, type PythonObject, type PythonValue } from '../../../analysis/pytm/python-values'
import { pytmLibraryFiles } from './pytm-test-files'

/** A hand-made target: attributes as given, nothing else (missing ones raise AttributeError, as in Python). */
function target(attributes: Record<string, PythonValue>, className = 'Server'): PythonObject {
  return {
    kind: 'object',
    className,
    attribute: (name) => (name in attributes ? attributes[name] : undefined),
    call: () => undefined
  }
}

const holds = (condition: string, attributes: Record<string, PythonValue>): boolean => compileCondition(condition)(target(attributes))

describe('pytm condition language', () => {
  it('compiles every condition of the corpus threat library', () => {
    for (const path of pytmLibraryFiles()) {
      const threats = JSON.parse(readFileSync(path, 'utf8')) as { SID: string; condition: string }[]
      for (const threat of threats) expect(() => compileCondition(threat.condition), threat.SID).not.toThrow()
    }
  })

  it('treats `is False` as identity with False: an unset or falsy non-boolean value does not match', () => {
    expect(holds('target.flag is False', { flag: false })).toBe(true)
    expect(holds('target.flag is False', { flag: 0 })).toBe(false)
    expect(holds('target.flag is False', { flag: null })).toBe(false)
    expect(holds('target.flag is not True', { flag: 1 })).toBe(true)
  })

  it('makes the whole condition false when an attribute is missing, even under `or` or `not`', () => {
    expect(holds('target.missing is False or True', {})).toBe(false)
    expect(holds('not target.missing', {})).toBe(false)
    // `or` short-circuits, so a missing attribute after a true operand is never read.
    expect(holds('True or target.missing', {})).toBe(true)
  })

  it('follows Python truthiness, equality and comparison rules', () => {
    expect(holds("target.protocol == 'HTTP' or target.port", { protocol: 'HTTPS', port: 0 })).toBe(false)
    expect(holds('target.on == 1', { on: true })).toBe(true)
    expect(holds("target.protocol != 'HTTPS'", { protocol: '' })).toBe(true)
    expect(holds('1 < target.n < 3', { n: 2 })).toBe(true)
    expect(holds('1 < target.n < 3', { n: 3 })).toBe(false)
    // Comparing a string with a number raises TypeError in Python: the condition is false.
    expect(holds('target.n < 3', { n: 'x' })).toBe(false)
  })

  it('orders Classification and TLSVersion by value, but not Lifetime', () => {
    expect(holds('target.tls < target.minimum', { tls: enumMember('TLSVersion', 'TLSv11'), minimum: enumMember('TLSVersion', 'TLSv12') })).toBe(true)
    expect(holds('target.life < target.life', { life: enumMember('Lifetime', 'LONG') })).toBe(false)
    expect(holds('target.life == Lifetime.LONG', { life: enumMember('Lifetime', 'LONG') })).toBe(true)
    expect(holds('target.life in (Lifetime.UNKNOWN, Lifetime.MANUAL)', { life: enumMember('Lifetime', 'LONG') })).toBe(false)
  })

  it('evaluates any() and all() over generators with a loop variable, and len()', () => {
    const data = [target({ format: 'JSON', isPII: false }, 'Data'), target({ format: 'XML', isPII: true }, 'Data')]
    expect(holds("any(d.format == 'XML' for d in target.data)", { data })).toBe(true)
    expect(holds('all(d.isPII for d in target.data)', { data })).toBe(false)
    expect(holds("any(d.isPII for d in target.data if d.format == 'JSON')", { data })).toBe(false)
    expect(holds('len(target.data) == 2', { data })).toBe(true)
    expect(holds("'x' in target.name", { name: 'box' })).toBe(true)
  })

  it('rejects what is outside the language, with the column', () => {
    const column = (condition: string): number => {
      try {
        compileCondition(condition)
      } catch (error) {
        if (error instanceof ConditionSyntaxError) return error.column
        throw error
      }
      throw new Error(`compiled: ${condition}`)
    }
    expect(column('target.x + 1')).toBe(10)
    expect(column('__import__("os")')).toBe(1)
    expect(column('target.__class__')).toBe(8)
    expect(column('target.oneOf(target)')).toBe(13)
    expect(column('os.system')).toBe(1)
    expect(column('Lifetime.FOREVER')).toBe(10)
    expect(column("any(d for d in target.data")).toBe(27)
  })
})
