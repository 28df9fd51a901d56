/**
 * Keys `__proto__`, `constructor` and `prototype` in YAML, JSON and XML must stay data: they never reach
 * Object.prototype (a probe property stays undefined afterwards) and never change the prototype of an
 * object in the returned model. Every reader is tested on real corpus files with the keys injected into
 * every mapping (JSON, YAML) or beside every element (XML), through readModelFile and the template table.
 */
import { dump, load } from 'js-yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { readModelFile, templateFormats } from '../../../importers/registry'
import { fuzzTarget, type Seed, type TargetId } from './fuzz-targets'

const PAYLOAD = { polluted: 'yes', toString: 'polluted', hasOwnProperty: 'polluted' }
const PROBE_TARGETS: readonly object[] = [Object.prototype, Array.prototype, Function.prototype, String.prototype]

function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** A copy of `value` with the three keys added to every mapping (as own data properties). */
function withPrototypeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPrototypeKeys)
  if (typeof value !== 'object' || value === null) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) defineOwn(copy, key, withPrototypeKeys(item))
  defineOwn(copy, '__proto__', { ...PAYLOAD })
  defineOwn(copy, 'constructor', { prototype: { ...PAYLOAD } })
  defineOwn(copy, 'prototype', { ...PAYLOAD })
  return copy
}

function injectIntoXml(text: string): string {
  const elements = '<__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>yes</polluted></prototype></constructor>'
  let count = 0
  // After every fifth start tag (not the root's prolog): enough to land inside every repeated list.
  return text.replace(/<([A-Za-z_][\w:.-]*)((?:\s[^<>]*?)?)>/g, (tag: string, name: string, attributes: string) => {
    count++
    if (count === 1 || count % 5 !== 0 || attributes.endsWith('/')) return tag
    return `<${name}${attributes} __proto__="polluted" constructor="polluted">${elements}`
  })
}

function pollutedVariants(id: TargetId, seed: Seed): Uint8Array[] {
  const text = new TextDecoder().decode(seed.bytes)
  const encode = (value: string): Uint8Array => new TextEncoder().encode(value)
  if (id === 'tm7' || id === 'tb7') return [encode(injectIntoXml(text))]
  if (id === 'threagile') {
    // The merge key is YAML's own way to copy a mapping's keys into another: it must not copy onto a prototype.
    const merged = text.replace(/^(title:.*)$/m, '$1\n<<: { __proto__: { polluted: yes }, constructor: { prototype: { polluted: yes } } }')
    let parsed: unknown
    try {
      parsed = load(text)
    } catch {
      // The corpus keeps a file with a YAML syntax error on purpose; it gets the text variant only.
      return [encode(merged)]
    }
    return [encode(dump(withPrototypeKeys(parsed), { lineWidth: -1 })), encode(merged)]
  }
  const tree = withPrototypeKeys(JSON.parse(text))
  // JSON text written by hand as well, because JSON.stringify of the tree above may order keys differently.
  const handWritten = text.replace('{', '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, ')
  return [encode(JSON.stringify(tree, null, 2)), encode(handWritten)]
}

/** Paths of model objects whose prototype is not the plain one, or that inherit the probe. */
function oddPrototypes(value: unknown, path = '$', found: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return found
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) found.push(path)
  if ((value as { polluted?: unknown }).polluted !== undefined && !Object.hasOwn(value, 'polluted')) found.push(`${path} inherits polluted`)
  for (const [key, item] of Object.entries(value)) oddPrototypes(item, `${path}.${key}`, found)
  return found
}

function expectCleanPrototypes(): void {
  for (const prototype of PROBE_TARGETS) expect(Object.hasOwn(prototype, 'polluted')).toBe(false)
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  expect(([] as unknown as { polluted?: unknown }).polluted).toBeUndefined()
  expect(Object.prototype.toString.call([])).toBe('[object Array]')
  expect(typeof Object.prototype.hasOwnProperty).toBe('function')
}

describe('prototype pollution through every reader', () => {
  afterEach(() => {
    // If a reader did pollute, clean up so one failure does not cascade through the rest of the suite.
    for (const prototype of PROBE_TARGETS) delete (prototype as Record<string, unknown>)['polluted']
  })

  const targets: readonly [TargetId, number][] = [
    ['native', 400_000],
    ['tm7', 600_000],
    ['tb7', 400_000],
    ['threagile', 100_000],
    ['pytm', 400_000]
  ]
  it.each(targets)('%s: injected keys never reach a prototype', (id, maxSeedBytes) => {
    const target = fuzzTarget(id, maxSeedBytes)
    let models = 0
    for (const seed of target.seeds) {
      for (const bytes of pollutedVariants(id, seed)) {
        const result = readModelFile({ bytes, fileName: `polluted-${seed.name}`, readSibling: seed.readSibling })
        expect(result.diagnostics.filter((entry) => entry.code === 'format.reader-failed'), seed.name).toEqual([])
        if (result.model !== null) {
          models++
          expect(oddPrototypes(result.model), seed.name).toEqual([])
        }
        if (target.template) {
          const text = new TextDecoder().decode(bytes)
          const template = templateFormats.find((format) => format.detect(text))?.read({ bytes, fileName: seed.name })
          if (template?.template) expect(oddPrototypes(template.template), seed.name).toEqual([])
        }
        expectCleanPrototypes()
      }
    }
    // The injection must not simply make every file unreadable, or the test would prove nothing.
    if (!target.template) expect(models, `${id}: models read despite the injected keys`).toBeGreaterThan(0)
  }, 120_000)
})
