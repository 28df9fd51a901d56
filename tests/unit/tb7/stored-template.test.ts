import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyTemplate } from '../../../analysis/apply-template'
import { carriedTemplate } from '../../../importers/carried-template'
import { readNative } from '../../../importers/native/read-native'
import { readModelFile, writeModel } from '../../../importers/registry'
import { storedTemplate } from '../../../importers/tb7/stored-template'
import { formatDiagnostic } from '../../../model/diagnostics'
import type { ThreatModel } from '../../../model/model'
import type { Template } from '../../../model/template'
import { withTemplateSource } from '../../../model/template-source'
import { AZURE_TEMPLATE } from '../../../templates/azure'
import { corpusFiles } from '../../corpus'

/**
 * The .tb7 a model keeps from Apply Template (extensions.tb7), read back through the .tb7 reader:
 * importers/tb7/stored-template.ts and, with a .tm7's KnowledgeBase, importers/carried-template.ts.
 */

const samplePath = `${__dirname}/../../../samples/web-shop.twm`
const sample = readNative({ bytes: new Uint8Array(readFileSync(samplePath)), fileName: 'web-shop.twm' }).model!

/** A corpus template's file name, text (BOM dropped, as the reader does) and Manifest, taken from the raw text. */
function corpusTemplate(prefix: string): { fileName: string; text: string; ref: { name: string; id: string; version: string } } {
  const path = corpusFiles('tb7', ['.tb7']).find((each) => basename(each).startsWith(prefix))
  if (path === undefined) throw new Error(`${prefix}*.tb7 is missing from the corpus`)
  const text = new TextDecoder().decode(readFileSync(path))
  const manifest = /<Manifest\b[^>]*>/.exec(text)?.[0] ?? ''
  const attribute = (key: string): string => new RegExp(`\\s${key}="([^"]*)"`).exec(manifest)?.[1] ?? `(no ${key})`
  return { fileName: basename(path), text, ref: { name: attribute('name'), id: attribute('id'), version: attribute('version') } }
}

const cloud = corpusTemplate('azure-cloud-services-1.0.0.33')

/** The sample as if the corpus template had been applied: it names the template and stores its text. */
function withStored(model: ThreatModel, stored: { fileName: string; text: string; ref: ThreatModel['template'] }): ThreatModel {
  return withTemplateSource({ ...model, template: stored.ref }, { fileName: stored.fileName, text: stored.text })
}

describe('storedTemplate', () => {
  it('reads the stored corpus template when the model names it', () => {
    const read = storedTemplate(withStored(sample, cloud), 'out.twm')
    expect(read.template?.ref).toEqual(cloud.ref)
    expect(read.template?.threatTypes.length).toBe(cloud.text.match(/<ThreatType>/g)?.length)
    expect(read.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
  })

  it('is null without diagnostics when the model stores no template', () => {
    expect(storedTemplate(sample, 'web-shop.twm')).toEqual({ template: null, diagnostics: [] })
  })

  it('ignores a template the model no longer names, and says which each is', () => {
    const read = storedTemplate({ ...withStored(sample, cloud), template: AZURE_TEMPLATE.ref }, 'out.twm')
    expect(read.template).toBeNull()
    expect(read.diagnostics.map(formatDiagnostic)).toEqual([
      `out.twm, extensions.tb7: warning: the stored template ${cloud.fileName} is "${cloud.ref.name}" ${cloud.ref.version} (${cloud.ref.id}), ` +
        `but the model names "${AZURE_TEMPLATE.ref.name}" ${AZURE_TEMPLATE.ref.version} (${AZURE_TEMPLATE.ref.id}), so it is ignored`
    ])
  })

  it('ignores damaged bags with one warning naming the model file, never throwing', () => {
    const named = { ...sample, template: cloud.ref }
    const bags: unknown[] = [
      { fileName: cloud.fileName, text: cloud.text.slice(0, cloud.text.length / 2) },
      { fileName: cloud.fileName, text: '' },
      { fileName: cloud.fileName, text: '<ThreatModel/>' },
      { fileName: cloud.fileName },
      'text',
      null,
      [cloud.text]
    ]
    for (const bag of bags) {
      const read = storedTemplate({ ...named, extensions: { tb7: bag as never } }, 'tampered.twm')
      expect(read.template).toBeNull()
      expect(read.diagnostics).toHaveLength(1)
      expect(read.diagnostics[0]).toMatchObject({ code: 'tb7.stored.ignored', severity: 'warning', location: { file: 'tampered.twm', path: 'extensions.tb7' } })
    }
  })
})

describe('carriedTemplate', () => {
  // The smallest corpus .tm7, to keep this quick; its KnowledgeBase is the template it names.
  const tm7Path = corpusFiles('tm7', ['.tm7']).sort((left, right) => statSync(left).size - statSync(right).size)[0]!
  const tm7 = readModelFile({ bytes: new Uint8Array(readFileSync(tm7Path)), fileName: basename(tm7Path) }).model!

  it("gives a .tm7's KnowledgeBase while the model names it, and the applied .tb7 once it names that", () => {
    expect(carriedTemplate(tm7, 'a.tm7').template?.ref).toEqual(tm7.template)
    const template = storedTemplate(withStored(sample, cloud), 'x').template as Template
    const applied = applyTemplate(tm7, template, { fileName: cloud.fileName, text: cloud.text }).model
    expect(carriedTemplate(applied, 'a.twm').template?.ref).toEqual(cloud.ref)
  })

  it('falls back to the KnowledgeBase, with the warning, when the stored .tb7 is damaged', () => {
    const damaged = { ...tm7, extensions: { ...tm7.extensions, tb7: { fileName: cloud.fileName, text: 'x' } } }
    const carried = carriedTemplate({ ...damaged, template: cloud.ref }, 'a.twm')
    expect(carried.template?.ref).toEqual(tm7.template)
    expect(carried.diagnostics.map((entry) => entry.code)).toContain('tb7.stored.ignored')
  })
})

describe('writers with a stored template', () => {
  const model = withStored(sample, cloud)

  it('native keeps it through a read, byte-identical on the second pass', () => {
    const first = writeModel(model, 'native')
    const reread = readNative({ bytes: first.bytes, fileName: 'out.twm' }).model!
    expect(reread.extensions.tb7).toEqual({ fileName: cloud.fileName, text: cloud.text })
    expect(Buffer.from(writeModel(reread, 'native').bytes).equals(Buffer.from(first.bytes))).toBe(true)
  })

  it('tm7 writes the model and warns that the template is not embedded', () => {
    const written = writeModel(model, 'tm7')
    expect(written.diagnostics.filter((entry) => entry.severity === 'error')).toEqual([])
    expect(written.bytes.length).toBeGreaterThan(0)
    expect(written.diagnostics.map((entry) => entry.code)).toContain('tm7.lost.template')
    // The stored text is not copied in: the template's first rule id appears nowhere in the .tm7.
    expect(new TextDecoder().decode(written.bytes)).not.toContain('<Id>TH112</Id>')
  })

  it.each(['threagile', 'pytm'])('%s ignores it: the same bytes and diagnostics as without it', (formatId) => {
    const without = writeModel({ ...sample, template: cloud.ref }, formatId)
    const withBag = writeModel(model, formatId)
    expect(Buffer.from(withBag.bytes).equals(Buffer.from(without.bytes))).toBe(true)
    expect(withBag.diagnostics).toEqual(without.diagnostics)
  })
})
