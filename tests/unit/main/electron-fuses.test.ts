/**
 * The fuse settings in electron-builder.yml, checked against app-builder-lib's own schema (a misspelt key
 * would be ignored silently at package time). tests/unit/packaging/electron-builder.test.ts packs the app
 * and reads the flipped fuse wire back from the binary.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(__dirname, '..', '..', '..')
const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown }
const scheme = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, { type?: string }> } }
}

describe('Electron fuses in electron-builder.yml', () => {
  it('sets the hardened fuses, each one a key app-builder-lib knows', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false
    })
    const known = scheme.definitions.FuseOptionsV1.properties
    for (const [key, value] of Object.entries(config.electronFuses ?? {})) {
      expect(known[key], `electronFuses.${key} is not in app-builder-lib's FuseOptionsV1`).toBeDefined()
      expect(typeof value).toBe('boolean')
    }
  })

  it('packs into an asar, which onlyLoadAppFromAsar and the integrity check require', () => {
    expect(config.asar).toBe(true)
  })
})
