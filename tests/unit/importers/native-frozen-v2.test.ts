import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNative } from '../../../importers/native/read-native'
import { repositoryRoot } from './native-test-files'

/** The frozen format-version-2 file (tests/fixtures/native/v2/README.md); values read off the file by hand. */
const fixtureBytes = new Uint8Array(readFileSync(join(repositoryRoot, 'tests', 'fixtures', 'native', 'v2', 'web-shop.twm')))

describe('frozen native fixture, format version 2', () => {
  it('is still a version 2 file', () => {
    expect(new TextDecoder().decode(fixtureBytes.slice(0, 60))).toContain('"formatVersion": 2,')
  })

  it('reads with an empty triage history and its triage intact', () => {
    const result = readNative({ bytes: fixtureBytes, fileName: 'v2/web-shop.twm' })
    expect(result.diagnostics).toEqual([])
    expect(result.model?.triageHistory).toEqual([])
    expect(result.model?.threats).toHaveLength(8)
    expect(result.model?.threats.find((threat) => threat.id === 'threat-request-flood')?.state.value).toBe('accepted')
  })
})
