import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generatePytmFindings } from '../../../analysis/pytm/generate-findings'
import { parseThreatLibrary } from '../../../analysis/pytm/threat-library'
import type { Threat } from '../../../model/model'
import { namesById, threatRow } from '../../../cli/commands/threat-rows'
import { corpusName, pytmCorpusModels, pytmLibraryFiles, readCorpusFile, requireModel } from './pytm-test-files'

/**
 * The oracle: the findings pytm itself wrote into each corpus dump. Importing the dump's model and
 * evaluating the corpus threat library must give exactly pytm's set of (SID, target name), findings and
 * excluded findings apart. A difference we cannot remove is listed here with its reason; there is none.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, { readonly missing: string[]; readonly extra: string[]; readonly reason: string }>> = {}

interface DumpFinding {
  readonly threat_id: string
  readonly target: string
}

const libraryPath = pytmLibraryFiles()[0]
if (libraryPath === undefined) throw new Error('the corpus has no pytm threat library')
const library = parseThreatLibrary(readFileSync(libraryPath, 'utf8'), corpusName(libraryPath))

const dumpsWithFindings = pytmCorpusModels().filter((path) => {
  const document = JSON.parse(readFileSync(path, 'utf8')) as { findings?: unknown[] }
  return Array.isArray(document.findings) && document.findings.length > 0
})

describe('pytm findings: ours against pytm on every corpus dump that holds findings', () => {
  it('has at least one such dump', () => {
    expect(dumpsWithFindings.length).toBeGreaterThan(0)
  })

  for (const path of dumpsWithFindings) {
    const name = corpusName(path)
    const dump = JSON.parse(readFileSync(path, 'utf8')) as { findings: DumpFinding[]; excluded_findings?: DumpFinding[] }
    const key = (finding: DumpFinding, excluded: boolean): string => `${finding.threat_id} @ ${finding.target}${excluded ? ' (excluded)' : ''}`
    const theirs = new Set([...dump.findings.map((finding) => key(finding, false)), ...(dump.excluded_findings ?? []).map((finding) => key(finding, true))])

    const ours = (keepImportedThreats: boolean): Set<string> => {
      const imported = requireModel(readCorpusFile(path))
      // Without the imported threats the engine decides states itself (exclusions from assumptions).
      const model = keepImportedThreats ? imported : { ...imported, threats: [] }
      const names = namesById(model)
      // The target name as `threatwright threats --json` prints it, which is what pytm's findings name.
      const targetName = (threat: Threat): string => threatRow(threat, names, false).targetName ?? ''
      const result = generatePytmFindings(model, library)
      expect(result.diagnostics).toEqual([])
      return new Set(
        result.threats.map((threat) =>
          key({ threat_id: threat.origin.kind === 'generated' ? threat.origin.ruleId : '', target: targetName(threat) }, threat.state.value === 'notApplicable')
        )
      )
    }

    it(`${name}: the same (SID, target) findings and exclusions as pytm`, () => {
      const known = KNOWN_DIFFERENCES[name] ?? { missing: [], extra: [], reason: '' }
      const found = ours(false)
      expect([...theirs].filter((entry) => !found.has(entry)).sort()).toEqual([...known.missing].sort())
      expect([...found].filter((entry) => !theirs.has(entry)).sort()).toEqual([...known.extra].sort())
    })

    it(`${name}: regenerating over the imported findings keeps their ids and states`, () => {
      expect(ours(true)).toEqual(ours(false))
      const model = requireModel(readCorpusFile(path))
      const regenerated = generatePytmFindings(model, library).threats
      expect(regenerated.map((threat) => threat.id).sort()).toEqual(model.threats.map((threat) => threat.id).sort())
    })
  }
})
