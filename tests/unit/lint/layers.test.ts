import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const repoRoot = resolve(__dirname, '..', '..', '..')
const fixtureFolder = join(repoRoot, 'tests', 'fixtures', 'lint')

/**
 * Each fixture says which path it pretends to live at (`// lint-as:`) and which layering error it must
 * produce (`// expect:`, or `nothing`). Linting it there proves the allow-map is enforced, not just written.
 */
function readFixture(name: string): { code: string; lintAs: string; expected: string } {
  const code = readFileSync(join(fixtureFolder, name), 'utf8')
  const lintAs = /^\/\/ lint-as: (.+)$/m.exec(code)?.[1]
  const expected = /^\/\/ expect: (.+)$/m.exec(code)?.[1]
  if (!lintAs || !expected) throw new Error(`${name}: needs '// lint-as:' and '// expect:' header lines`)
  return { code, lintAs, expected }
}

describe('layering allow-map (lint/layers.mjs)', () => {
  const eslint = new ESLint({ cwd: repoRoot, ignore: false })
  for (const name of readdirSync(fixtureFolder).sort()) {
    it(`${name}`, async () => {
      const { code, lintAs, expected } = readFixture(name)
      const [result] = await eslint.lintText(code, { filePath: join(repoRoot, lintAs) })
      const layerMessages = (result?.messages ?? [])
        .filter((message) => message.ruleId === 'threatwright/layers')
        .map((message) => message.message)
      if (expected === 'nothing') expect(layerMessages).toEqual([])
      else expect(layerMessages.some((message) => message.startsWith(expected))).toBe(true)
      expect(result?.errorCount ?? 0).toBe(expected === 'nothing' ? 0 : layerMessages.length)
    })
  }
})
