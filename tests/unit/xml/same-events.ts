import { expect } from 'vitest'
import type { canonicalXml } from '../../../importers/xml/canonical-xml'

type Canonical = ReturnType<typeof canonicalXml>

/**
 * Asserts canonical equality and, when it fails, shows the first differing event with its neighbours
 * instead of a diff of two megabyte-long lists.
 */
export function expectSameEvents(actual: Canonical, expected: Canonical): void {
  if (!('events' in actual) || !('events' in expected)) throw new Error('a document did not parse')
  const a = actual.events
  const b = expected.events
  let index = 0
  while (index < a.length && index < b.length && a[index] === b[index]) index += 1
  const around = (events: string[]): string[] => events.slice(Math.max(0, index - 3), index + 3)
  expect({ index, events: around(a), length: a.length }).toEqual({ index, events: around(b), length: b.length })
}
