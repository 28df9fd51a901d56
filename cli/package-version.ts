import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/**
 * The version in Threatwright's package.json, found by walking up from `start` (out/main/ when bundled,
 * cli/ when run from source). The CLI layer may not import package.json as a module (lint/layers.mjs).
 */
export async function readPackageVersion(start: string): Promise<string> {
  let folder = start
  for (let level = 0; level < 5; level += 1) {
    try {
      const manifest: unknown = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'))
      if (isThreatwrightManifest(manifest)) return manifest.version
    } catch {
      // No package.json here (or not ours); keep walking up.
    }
    folder = dirname(folder)
  }
  return 'unknown'
}

function isThreatwrightManifest(value: unknown): value is { name: string; version: string } {
  if (typeof value !== 'object' || value === null) return false
  const { name, version } = value as { name?: unknown; version?: unknown }
  return name === 'threatwright' && typeof version === 'string'
}
