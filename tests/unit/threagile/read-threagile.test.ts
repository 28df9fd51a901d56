import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readThreagile } from '../../../importers/threagile/read-threagile'
import { propertyValue } from '../../../importers/threagile/threagile-properties'
import { rectContainsRect } from '../../../model/geometry'
import type { ThreatModel } from '../../../model/model'
import { validateModel } from '../../../model/validate'
import { corpusModel, corpusModelFiles, corpusRoot, readCorpusModel, REJECTED_BY_THREAGILE } from './threagile-corpus'

const text = (yaml: string): Uint8Array => new TextEncoder().encode(yaml)
const readOfficialExample = (): ThreatModel => {
  const result = readCorpusModel(corpusModel(join(corpusRoot, 'threagile', 'official-example-v0.9.1', 'threagile.yaml')))
  if (result.model === null) throw new Error('the official example must read')
  return result.model
}

describe('readThreagile over the corpus', () => {
  for (const path of corpusModelFiles()) {
    const model = corpusModel(path)
    const rejection = REJECTED_BY_THREAGILE[model.name]
    it(`${model.name} ${rejection === undefined ? 'reads into a valid model' : `is refused (${rejection})`}`, () => {
      const result = readCorpusModel(model)
      if (rejection !== undefined) {
        expect(result.model).toBeNull()
        expect(result.diagnostics.map((entry) => entry.code)).toContain(rejection)
        for (const entry of result.diagnostics) expect(entry.location.file).toBeTruthy()
        return
      }
      expect(result.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
      expect(result.model).not.toBeNull()
      expect(validateModel(result.model).diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    })
  }
})

describe('mapping (facts checked by hand in official-example-v0.9.1/threagile.yaml)', () => {
  it('has the counts SOURCES.md lists: 12 data assets, 14 assets, 20 links, 5 boundaries', () => {
    const model = readOfficialExample()
    const diagram = model.diagrams[0]!
    expect([model.dataAssets.length, diagram.elements.length, diagram.flows.length, diagram.boundaries.length]).toEqual([12, 14, 20, 5])
  })

  it('keeps every attribute of "Customer Contract Database" (lines 898–930) as typed properties', () => {
    const element = readOfficialExample().diagrams[0]!.elements.find((candidate) => candidate.id === 'sql-database')!
    expect(element).toMatchObject({ kind: 'dataStore', name: 'Customer Contract Database', typeId: 'database', outOfScope: false })
    const value = (key: string): unknown => propertyValue(element.properties, key)
    expect([value('machine'), value('encryption'), value('confidentiality'), value('integrity'), value('size'), value('tags')]).toEqual([
      'virtual',
      'data-with-symmetric-shared-key',
      'strictly-confidential',
      'mission-critical',
      'component',
      'linux, mysql'
    ])
    expect(element.dataProcessed).toEqual(['db-dumps'])
    expect(element.dataStored).toEqual(['customer-accounts', 'customer-operational-data', 'internal-business-data'])
  })

  it('gives links Threagile ids (source>slug of title), the ids its risks.json uses', () => {
    const flows = readOfficialExample().diagrams[0]!.flows
    // risks.json of official-example-v1-with-outputs names this link.
    const link = flows.find((flow) => flow.id === 'load-balancer>cms-content-traffic')
    expect(link).toMatchObject({ source: 'load-balancer', target: 'marketing-cms', name: 'CMS Content Traffic' })
  })

  it('states boundary membership and lays nested boxes inside their parents (Application Network, lines 1184–1195)', () => {
    const diagram = readOfficialExample().diagrams[0]!
    const box = (id: string) => {
      const shape = diagram.boundaries.find((boundary) => boundary.id === id)!.shape
      if (shape.kind !== 'box') throw new Error('box expected')
      return shape.rect
    }
    const network = diagram.boundaries.find((boundary) => boundary.id === 'application-network')!
    expect(network.typeId).toBe('network-cloud-provider')
    expect(network.statedMembers).toEqual(['load-balancer'])
    for (const child of ['web-dmz', 'erp-dmz', 'auth-env']) expect(rectContainsRect(box('application-network'), box(child))).toBe(true)
    const webServer = diagram.elements.find((element) => element.id === 'apache-webserver')!
    expect(rectContainsRect(box('web-dmz'), webServer.layout)).toBe(true)
    expect(rectContainsRect(box('erp-dmz'), webServer.layout)).toBe(false)
  })

  it('lays out deterministically', () => {
    expect(readOfficialExample().diagrams).toEqual(readOfficialExample().diagrams)
  })

  it('keeps business criticality, questions and risk tracking, and records the dialect', () => {
    const model = readOfficialExample()
    expect(model.metadata.custom.find((entry) => entry.key === 'business_criticality')?.value).toBe('important')
    const bag = model.extensions.threagile as Record<string, unknown>
    expect(bag.dialect).toBe('v1')
    expect(Object.keys(bag.risk_tracking as object)).toHaveLength(6)
    expect(Object.keys(bag.individual_risk_categories as object)).toEqual(['Some Individual Risk Example'])
  })

  it('reads the HEAD dialect with end-user spellings as the v1 values', () => {
    const result = readCorpusModel(corpusModel(join(corpusRoot, 'threagile', 'official-example-head', 'threagile.yaml')))
    const bag = result.model!.extensions.threagile as Record<string, unknown>
    expect(bag.dialect).toBe('head')
    const authorizations = result.model!.diagrams[0]!.flows.map((flow) => propertyValue(flow.properties, 'authorization'))
    expect(authorizations).toContain('enduser-identity-propagation')
  })
})

describe('located errors', () => {
  it('names the line of a YAML syntax error (invalid-yaml-syntax: line 565, SOURCES.md)', () => {
    const result = readCorpusModel(corpusModel(join(corpusRoot, 'threagile', 'invalid-yaml-syntax', 'threagile.yaml')))
    expect(result.diagnostics[0]).toMatchObject({ code: 'threagile.yaml-syntax', location: { file: 'invalid-yaml-syntax/threagile.yaml', line: 565 } })
    expect(result.diagnostics[0]!.location.column).toBeGreaterThan(1)
  })

  it('names the key of a dangling link target (pt-br-exemplo line 123: target: load-balancer)', () => {
    const result = readCorpusModel(corpusModel(join(corpusRoot, 'threagile', 'pt-br-exemplo', 'exemplo.yml')))
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'threagile.reference',
        location: expect.objectContaining({ line: 123, path: 'technical_assets.Customer Web Client.communication_links.Customer Traffic.target' })
      })
    )
    // SOURCES.md counts 10 v1 errors in this file (dangling references and undeclared tags).
    expect(result.diagnostics.filter((entry) => entry.severity === 'error')).toHaveLength(10)
  })

  it('reports unknown enum values and undeclared tags at their keys', () => {
    const yaml = [
      'business_criticality: important',
      'tags_available: [known]',
      'technical_assets:',
      '  Box:',
      '    id: box',
      '    type: process',
      '    usage: business',
      '    size: component',
      '    technology: toaster',
      '    machine: virtual',
      '    encryption: none',
      '    confidentiality: public',
      '    integrity: archive',
      '    availability: archive',
      '    tags: [unknown]'
    ].join('\n')
    const result = readThreagile({ bytes: text(yaml), fileName: 'm.yaml' })
    expect(result.model).toBeNull()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'threagile.enum', location: expect.objectContaining({ line: 9, column: 5 }) }),
      expect.objectContaining({ code: 'threagile.tag-undeclared', location: expect.objectContaining({ line: 15 }) })
    ])
  })
})

describe('includes', () => {
  const includesModel = corpusModel(join(corpusRoot, 'threagile', 'official-test-includes', 'main.yaml'))

  it('merges the official multi-file model (DA 12 / TA 14 / TB 5 / SR 1 / RT 6, SOURCES.md)', () => {
    const model = readCorpusModel(includesModel).model!
    const bag = model.extensions.threagile as Record<string, Record<string, unknown>>
    expect([model.dataAssets.length, model.diagrams[0]!.elements.length, model.diagrams[0]!.boundaries.length]).toEqual([12, 14, 5])
    expect([Object.keys(bag.shared_runtimes!).length, Object.keys(bag.risk_tracking!).length]).toEqual([1, 6])
    // 18 distinct files; technical_assets_clients.yaml is included twice (by technical_assets.yaml and technical_assets_devops.yaml).
    expect(new Set(bag.included_files as unknown as string[]).size).toBe(18)
  })

  it('is an error naming the includes key when no include reader is given', () => {
    const result = readThreagile(includesModel.input)
    expect(result.model).toBeNull()
    expect(result.diagnostics[0]).toMatchObject({ code: 'threagile.include-unavailable', location: { file: includesModel.name, line: 13 } })
  })

  const files: Record<string, string> = {
    'a.yaml': 'includes: [b.yaml]\ntitle: A\n',
    'b.yaml': 'includes: [a.yaml]\n',
    'sub/c.yaml': 'includes: [../../secret.yaml]\n'
  }
  const reader = (path: string): Uint8Array | null => (path in files ? text(files[path]!) : null)
  const codes = (yaml: string): string[] =>
    readThreagile({ bytes: text(yaml), fileName: 'model.yaml' }, { readInclude: reader }).diagnostics.map((entry) => entry.code)

  it.each([
    ['an absolute path', 'includes: [/etc/passwd]\n', 'threagile.include'],
    ['a Windows drive path', 'includes: ["C:\\\\x.yaml"]\n', 'threagile.include'],
    ['a ../ escape', 'includes: [../outside.yaml]\n', 'threagile.include'],
    ['an escape from a nested include', 'includes: [sub/c.yaml]\n', 'threagile.include'],
    ['a cycle', 'includes: [a.yaml]\n', 'threagile.include-cycle'],
    ['a missing file', 'includes: [nope.yaml]\n', 'threagile.include-missing']
  ])('refuses %s', (_label, yaml, code) => {
    expect(codes(yaml)).toContain(code)
  })
})

describe('hostile YAML', () => {
  it('refuses an alias bomb before expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level <= 9; level += 1) lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`)
    const result = readThreagile({ bytes: text(lines.join('\n')), fileName: 'bomb.yaml' })
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'threagile.yaml-bomb', location: expect.objectContaining({ line: 2 }) })])
  })

  it('accepts ordinary anchors and merge keys (the official example uses them)', () => {
    const yaml = 'business_criticality: important\nbase: &base {x: 1}\nother:\n  <<: *base\n  y: 2\n'
    expect(readThreagile({ bytes: text(yaml), fileName: 'ok.yaml' }).model).not.toBeNull()
  })

  it('refuses a huge file without parsing it', () => {
    const huge = `title: x\ndescription: "${'a'.repeat(9 * 1024 * 1024)}"\n`
    expect(readThreagile({ bytes: text(huge), fileName: 'huge.yaml' }).diagnostics[0]?.code).toBe('threagile.too-large')
  })

  it('refuses binary and UTF-16 input', () => {
    expect(readThreagile({ bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]), fileName: 'u16.yaml' }).diagnostics[0]?.code).toBe('threagile.encoding')
  })
})
