import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { listPackage } from '@electron/asar'

const repoRoot = resolve(__dirname, '..', '..', '..')
/** @electron/fuses' marker before the fuse wire in Electron's binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * A stand-in for an unpacked Electron distribution: electron-builder only copies it, so an empty
 * executable and the files it expects are enough to check our config, file globs and asar offline.
 */
function standInElectronDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'tw-electron-dist-'))
  mkdirSync(join(dist, 'resources'))
  mkdirSync(join(dist, 'locales'))
  // Ends with a fuse wire as Electron's binary carries one (sentinel, version 1, 8 fuses, all enabled):
  // electron-builder flips it at package time (electronFuses in electron-builder.yml).
  writeFileSync(join(dist, 'electron'), `#!/bin/sh\nexit 0\n# ${FUSE_SENTINEL}\u0001\u0008${'1'.repeat(8)}\n`)
  chmodSync(join(dist, 'electron'), 0o755)
  writeFileSync(join(dist, 'LICENSE'), 'stand-in')
  writeFileSync(join(dist, 'version'), '45.5.0')
  return dist
}

describe('electron-builder configuration', () => {
  const config = load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>

  it('targets Linux AppImage and deb, Windows nsis and macOS dmg', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] })
    expect(config.win).toMatchObject({ target: ['nsis'] })
    expect(config.mac).toMatchObject({ target: ['dmg'] })
  })

  it('associates .tm7 and the native .twm with the app', () => {
    const extensions = (config.fileAssociations as { ext: string }[]).map((entry) => entry.ext).sort()
    expect(extensions).toEqual(['tm7', 'twm'])
  })

  it('has an app id and an icon that exists', () => {
    expect(config.appId).toBe('org.threatwright.desktop')
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = (config[platform] as { icon: string }).icon
      expect(existsSync(join(repoRoot, icon)), `${platform} icon ${icon}`).toBe(true)
    }
  })

  it('packs an unpacked Linux app offline with only the production dependencies', { timeout: 120_000 }, () => {
    if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) {
      execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
        cwd: repoRoot,
        stdio: 'pipe'
      })
    }
    // What `npm run bench` leaves in out/bench/ must not be packed with the app.
    mkdirSync(join(repoRoot, 'out', 'bench'), { recursive: true })
    writeFileSync(join(repoRoot, 'out', 'bench', 'left-by-bench.js'), '// a benchmark driver\n')
    const output = mkdtempSync(join(tmpdir(), 'tw-dist-'))
    execFileSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        `-c.electronDist=${standInElectronDist()}`,
        `-c.directories.output=${output}`
      ],
      { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } }
    )
    const unpacked = join(output, 'linux-unpacked')
    expect(readdirSync(unpacked)).toContain('threatwright')
    // The fuses were flipped in the packaged binary: '0' off, '1' on, in FuseV1Options order (RunAsNode,
    // CookieEncryption, NODE_OPTIONS, --inspect, AsarIntegrity, OnlyLoadAppFromAsar, V8 snapshot, file:// privileges).
    const binary = readFileSync(join(unpacked, 'threatwright'), 'latin1')
    const wire = binary.slice(binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2, binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 10)
    expect(wire).toBe('01001110')
    const packed = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false })
    expect(packed).toContain('/out/main/index.js')
    expect(packed.filter((entry) => entry.startsWith('/out/bench'))).toEqual([])
    expect(packed).toContain('/node_modules/js-yaml/package.json')
    // Renderer libraries are bundled by vite, dev tools are not shipped.
    expect(packed.filter((entry) => /node_modules\/(cytoscape|vitest|electron-vite)\//.test(entry))).toEqual([])
  })
})
