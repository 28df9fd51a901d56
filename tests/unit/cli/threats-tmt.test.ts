import { readFileSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyTemplate } from '../../../analysis/apply-template'
import { runThreats } from '../../../cli/commands/threats'
import { readNative } from '../../../importers/native/read-native'
import { writeNative } from '../../../importers/native/write-native'
import { readModelFile } from '../../../importers/registry'
import type { Threat, ThreatModel } from '../../../model/model'
import { findBuiltInTemplate } from '../../../templates/index'
import { corpusFiles } from '../../corpus'
import { corpusTemplates } from '../tb7/tb7-test-files'
import { capturingContext, samplePath, temporaryFolderPerTest } from './cli-test-io'

/** `threats` with TMT-style template rules: a .tm7's embedded KnowledgeBase, our cloud templates, corpus .tb7 files. */

const folder = temporaryFolderPerTest()

interface Row {
  key: string
  ruleId: string
  engine: string
  state: string
  sourceId?: string
  flowId?: string
  targetId?: string
  obsolete?: true
}

async function run(argv: string[]): Promise<{ rows: Row[]; stderr: string }> {
  const context = capturingContext()
  expect(await runThreats(argv, context), context.err()).toBe(0)
  return { rows: (JSON.parse(context.out()) as { threats: Row[] }).threats, stderr: context.err() }
}

function readCorpusModel(path: string): ThreatModel {
  const { model, diagnostics } = readModelFile({ bytes: new Uint8Array(readFileSync(path)), fileName: basename(path) })
  if (model === null) throw new Error(`${path} did not read: ${diagnostics.map((entry) => entry.message).join('; ')}`)
  return model
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const NO_KNOWN_TYPES = "not one of the model's element types exists in template"

/** (TypeId, source, flow, target): how TMT identifies a threat instance, as the parity test compares them. */
const rowTuple = (row: Row): string => [row.ruleId, row.sourceId, row.flowId, row.targetId].join('|')
function storedTuple(threat: Threat): string {
  const target = threat.target
  if (target.kind !== 'interaction') throw new Error(`stored threat ${threat.id} is not on an interaction`)
  return [threat.definitionId, target.sourceId, target.flowId, target.targetId].join('|')
}

/** Whether the flow a stored threat names still joins the threat's source to its target in the file. */
function stillJoined(model: ThreatModel, threat: Threat): boolean {
  const target = threat.target
  if (target.kind !== 'interaction') return false
  const flow = model.diagrams.flatMap((diagram) => diagram.flows).find((candidate) => candidate.id === target.flowId)
  return flow !== undefined && flow.source === target.sourceId && flow.target === target.targetId
}

describe('threats on a corpus .tm7 without --template: its embedded KnowledgeBase', () => {
  // Every corpus file that stores threats: those are the files whose output can be checked against TMT's own.
  const withStoredThreats = corpusFiles('tm7', ['.tm7'])
    .map((path) => ({ path, model: readCorpusModel(path) }))
    .filter(({ model }) => model.threats.length > 0)

  it('finds corpus .tm7 files that store threats', () => {
    expect(withStoredThreats.length).toBeGreaterThan(0)
  })

  for (const { path, model } of withStoredThreats) {
    it(`lists ${basename(path)} as TMT rows with the file's GUIDs, every stored threat once with its state`, async () => {
      const text = readFileSync(path, 'utf8')
      const { rows } = await run([path, '--json'])
      for (const row of rows) {
        expect(row.engine, row.key).toBe('tmt')
        for (const id of [row.sourceId, row.flowId, row.targetId]) {
          expect(id, row.key).toMatch(GUID)
          expect(text.includes(id!), `${id} in ${basename(path)}`).toBe(true)
        }
      }
      const tuples = rows.map(rowTuple)
      expect(new Set(tuples).size, 'two rows for one (rule, source, flow, target)').toBe(tuples.length)
      const current = new Map(rows.filter((row) => row.obsolete !== true).map((row) => [rowTuple(row), row]))
      const obsolete = new Map(rows.filter((row) => row.obsolete === true).map((row) => [rowTuple(row), row]))
      for (const threat of model.threats) {
        // A stored threat whose flow was re-attached after TMT generated it (secure-portal-modeling.tm7, see the
        // parity test) is listed as obsolete; every other stored threat is a current row.
        const row = (stillJoined(model, threat) ? current : obsolete).get(storedTuple(threat))
        expect(row, `${storedTuple(threat)} (stored as threat ${threat.id})`).toBeDefined()
        expect(row!.state).toBe(threat.state.value)
      }
    })
  }
})

describe('threats --template with our cloud templates on a model typed for them', () => {
  // The hand-checked rule per template: "source is 'GE.P' and target is a database type"; apply-template maps the
  // sample's API to a GE.P descendant and its database to the template's SQL service, so the API's queries match.
  const cases = [
    { templateId: 'threatwright-azure', database: 'SE.DS.TW.Azure.SqlDatabase', injection: 'TW.AZ.08' },
    { templateId: 'threatwright-aws', database: 'SE.DS.TW.AWS.RDS', injection: 'TW.AWS.10' }
  ]
  for (const { templateId, database, injection } of cases) {
    it(`generates ${templateId}'s threats (engine tmt) after apply-template, keeping the sample's 8 own threats`, async () => {
      const template = findBuiltInTemplate(templateId)!
      const sample = readNative({ bytes: new Uint8Array(readFileSync(samplePath)), fileName: 'web-shop.twm' }).model!
      // applyTemplate re-types without generating (the CLI's apply-template would store generated threats in
      // the file), so every tmt row below comes from `threats --template` itself.
      const typed = applyTemplate(sample, template, null).model
      const knownTypes = new Set(template.elementTypes.map((type) => type.id))
      const items = typed.diagrams.flatMap((diagram) => [...diagram.elements, ...diagram.flows, ...diagram.boundaries])
      expect(items.every((item) => knownTypes.has(item.typeId))).toBe(true)
      expect(typed.diagrams[0]!.elements.find((element) => element.id === 'database')!.typeId).toBe(database)
      const path = join(folder.path, `${templateId}.twm`)
      await writeFile(path, writeNative(typed).bytes)

      const { rows, stderr } = await run([path, '--template', templateId, '--json'])
      expect(stderr).not.toContain(NO_KNOWN_TYPES)
      const generated = rows.filter((row) => row.engine === 'tmt')
      expect(generated.length).toBeGreaterThan(0)
      const ruleIds = new Set(template.threatTypes.map((type) => type.id))
      const flows = new Map(typed.diagrams[0]!.flows.map((flow) => [flow.id as string, flow]))
      for (const row of generated) {
        expect(ruleIds.has(row.ruleId), row.ruleId).toBe(true)
        expect(row.obsolete).toBeUndefined()
        const flow = flows.get(row.flowId!)
        expect([flow?.source, flow?.target], row.key).toEqual([row.sourceId, row.targetId])
      }
      expect(generated.map(rowTuple)).toContain(`${injection}|api|flow-queries|database`)
      expect(rows.filter((row) => row.engine !== 'tmt').map((row) => row.key).sort()).toEqual(sample.threats.map((threat) => threat.id).sort())
    })
  }
})

describe('threats --template <file.tb7> on a .tm7', () => {
  // Every corpus template runs against one model: the smallest corpus .tm7 that has flows, to keep this quick.
  const model = corpusFiles('tm7', ['.tm7'])
    .map((path) => ({ path, size: statSync(path).size }))
    .sort((left, right) => left.size - right.size)
    .map(({ path }) => ({ path, model: readCorpusModel(path) }))
    .find(({ model }) => model.diagrams.some((diagram) => diagram.flows.length > 0))!
  const storedIds = new Set<string>(model.model.threats.map((threat) => threat.id))
  const templates = corpusTemplates()
  const addedByTemplate = new Map<string, number>()
  let rulesMessages = 0

  for (const template of templates) {
    it(`${basename(model.path)} with ${basename(template)}: exit 0, every row engine tmt, new rows from the template's threat types`, async () => {
      const { rows, stderr } = await run([model.path, '--template', template, '--json'])
      expect(rows.every((row) => row.engine === 'tmt')).toBe(true)
      const text = readFileSync(template, 'utf8')
      const added = rows.filter((row) => !storedIds.has(row.key))
      for (const row of added) expect(text.includes(`<Id>${row.ruleId}</Id>`), `${row.ruleId} is a threat type of ${basename(template)}`).toBe(true)
      if (added.length > 0) expect(stderr).not.toContain(NO_KNOWN_TYPES)
      // Messages about the template's rules point at the .tb7 that holds them, not at the model.
      const ruleLines = stderr.split('\n').filter((line) => line.includes(', threatTypes/'))
      for (const line of ruleLines) expect(line.startsWith(`${template}, threatTypes/`), line).toBe(true)
      rulesMessages += ruleLines.length
      addedByTemplate.set(template, added.length)
    })
  }

  it('had at least one corpus template generate threats the file did not store', () => {
    // Runs after the per-template tests (vitest keeps declaration order within a file).
    expect(addedByTemplate.size).toBe(templates.length)
    expect([...addedByTemplate.values()].some((count) => count > 0)).toBe(true)
    // Some corpus templates mix and/or without parentheses, so the file-naming check above saw messages.
    expect(rulesMessages).toBeGreaterThan(0)
  })
})

describe('threats --template X when the model has none of X’s element types', () => {
  it('warns on stderr naming the model and the template and suggesting apply-template, generates nothing and exits 0', async () => {
    const sample = readNative({ bytes: new Uint8Array(readFileSync(samplePath)), fileName: 'web-shop.twm' }).model!
    const azure = findBuiltInTemplate('threatwright-azure')!
    // The sample's own types (browser, webApplication, dataFlow, boxBoundary…) are not Azure's: the premise.
    const knownTypes = new Set(azure.elementTypes.map((type) => type.id))
    const items = sample.diagrams.flatMap((diagram) => [...diagram.elements, ...diagram.flows, ...diagram.boundaries])
    expect(items.length).toBeGreaterThan(0)
    expect(items.filter((item) => knownTypes.has(item.typeId))).toEqual([])

    const context = capturingContext()
    expect(await runThreats([samplePath, '--template', 'threatwright-azure', '--json'], context)).toBe(0)
    const warnings = context.err().split('\n').filter((line) => line.includes(NO_KNOWN_TYPES))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.startsWith(`${samplePath}: warning: `)).toBe(true)
    expect(warnings[0]).toContain("'threatwright-azure'")
    expect(warnings[0]).toContain(`threatwright apply-template ${samplePath} <out> --template threatwright-azure`)
    const rows = (JSON.parse(context.out()) as { threats: Row[] }).threats
    expect(rows.filter((row) => row.engine === 'tmt')).toEqual([])
  })
})
