import { safeText } from './safe-text'
import { diagnostic, hasErrors, type Diagnostic } from '../../model/diagnostics'
import { asId, type DiagramId, type ModelId } from '../../model/ids'
import type { ThreatModel, TrustBoundary } from '../../model/model'
import { validateModel } from '../../model/validate'
import type { ReadInput, ReadResult } from '../format'
import { decodeUtf8 } from '../text/decode-text'
import { layOutDiagram } from './auto-layout'
import { checkManualRiskReferences } from './check-manual-risks'
import { FieldReader } from './field-reader'
import { slugTitle } from './link-id'
import { mapDataAssets } from './map-data-assets'
import { mapMetadata } from './map-metadata'
import { mapModelExtensions } from './map-model-extensions'
import { mapTechnicalAssets } from './map-technical-assets'
import { mapTrustBoundaries } from './map-trust-boundaries'
import { normalizeTag, type MappingContext } from './mapping-context'
import { isPlainObject, loadWithIncludes, type IncludeReader } from './resolve-includes'
import { threagileDialect } from './threagile-dialect'

export interface ThreagileReadOptions {
  /**
   * Reads a file named by `includes` (HEAD), by its path relative to the model's folder. Without it, a
   * model with includes is an error that says so.
   */
  readonly readInclude?: IncludeReader
}

/** The one diagram a Threagile model becomes; its id is fixed so re-reading gives the same model. */
export const THREAGILE_DIAGRAM_ID = asId<DiagramId>('threagile-data-flow-diagram')

/**
 * Reads a Threagile YAML model (v1 or HEAD dialect, threagile-schema.md §9) into the common model:
 * technical assets → elements, communication links → flows, trust boundaries → stated boxes (laid out
 * automatically), data assets → data assets; everything else in `extensions.threagile` so the writer
 * restores it. Threagile's fatal checks (§10) are located errors. Pure, never throws.
 */
export function readThreagile(input: ReadInput, options: ThreagileReadOptions = {}): ReadResult {
  const file = input.fileName
  const decoded = decodeUtf8(input.bytes)
  if (decoded.kind === 'refused') return failed([diagnostic('threagile.encoding', 'error', `the file ${decoded.reason}`, { file })])
  const loaded = loadWithIncludes(decoded.text, file, options.readInclude)
  if (hasErrors(loaded.diagnostics)) return failed(loaded.diagnostics)
  const root = loaded.value
  if (!isPlainObject(root)) {
    return failed([diagnostic('threagile.not-a-model', 'error', 'not a Threagile model: the YAML is not a map of model fields', { file })])
  }

  const fields = new FieldReader(loaded.sources)
  // A first look for the ids and tags that references are checked against; its diagnostics are dropped
  // because the mapping steps below report the same problems, located.
  const probe = new FieldReader(loaded.sources)
  const idsOf = (key: string): Set<string> =>
    new Set(probe.objectMap(root, key, []).map(([, entry]) => (typeof entry.id === 'string' ? entry.id : '')))
  const context: MappingContext = {
    fields,
    tags: new Set(probe.stringList(root, 'tags_available', []).map(normalizeTag)),
    dataAssetIds: idsOf('data_assets'),
    technicalAssetIds: idsOf('technical_assets')
  }

  const metadata = mapMetadata(fields, root)
  const dataAssets = mapDataAssets(context, root)
  const assets = mapTechnicalAssets(context, root)
  const boundaries = mapTrustBoundaries(context, root)
  const extensions = mapModelExtensions(context, root, loaded.includedFiles.length > 0 ? 'head' : threagileDialect(decoded.text, root), loaded.includedFiles)
  checkManualRiskReferences(fields, root, {
    technicalAssets: context.technicalAssetIds,
    communicationLinks: new Set(assets.flows.map((flow) => flow.id)),
    trustBoundaries: new Set(boundaries.map((boundary) => boundary.id)),
    sharedRuntimes: new Set(probe.objectMap(root, 'shared_runtimes', []).map(([, runtime]) => safeText(runtime.id ?? ''))),
    dataAssets: context.dataAssetIds
  })
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...fields.diagnostics]
  if (hasErrors(diagnostics)) return failed(diagnostics)

  const laidOut = layOutDiagram(assets.elements, assets.flows, boundaries, nestedBoundaryIds)
  const model: ThreatModel = {
    id: asId<ModelId>(`threagile-${slugTitle(metadata.title) || 'model'}`),
    metadata,
    template: { id: 'threagile', name: 'Threagile', version: '1' },
    diagrams: [
      {
        id: THREAGILE_DIAGRAM_ID,
        name: 'Data-Flow Diagram',
        elements: laidOut.elements,
        flows: laidOut.flows,
        boundaries: laidOut.boundaries,
        properties: [],
        extensions: {}
      }
    ],
    dataAssets,
    threatDefinitions: [],
    threats: [],
    assumptions: [],
    notes: [],
    triageHistory: [],
    extensions: { threagile: extensions }
  }
  // The model's own checks (unique ids across kinds, references) run on what we built.
  const validation = validateModel(model, { keepClean: true })
  const all = [...diagnostics, ...validation.diagnostics.map((entry) => ({ ...entry, location: { file, ...entry.location } }))]
  return { model: validation.model, diagnostics: all }
}

/** `trust_boundaries_nested`, kept in the boundary's extensions.threagile by map-trust-boundaries.ts. */
export function nestedBoundaryIds(boundary: TrustBoundary): readonly string[] {
  const bag = boundary.extensions.threagile
  const nested = isPlainObject(bag) ? bag.trust_boundaries_nested : undefined
  return Array.isArray(nested) ? nested.filter((id): id is string => typeof id === 'string') : []
}

function failed(diagnostics: readonly Diagnostic[]): ReadResult {
  return { model: null, diagnostics }
}
