import { asId, type AssumptionId, type BoundaryId, type DataAssetId, type DiagramId, type ElementId, type FlowId, type ModelId, type ThreatId } from '../../model/ids'

/**
 * pytm has no ids: a name is an item's identity and every reference is by name (pytm.md §2–3). Ids are
 * therefore minted from names, deterministically, so that importing the same file twice, or a file
 * re-exported by us, gives the same ids and the triage attached to them survives. They are readable
 * (`pytm:element:Web Server`) because the CLI and diagnostics print them. The pytm class is not part of
 * an element's id: retyping a Server as a Process in the app must not orphan its threats.
 */
export const pytmModelId = (tmName: string): ModelId => asId(`pytm:model:${tmName}`)
export const PYTM_DIAGRAM_ID: DiagramId = asId('pytm:diagram')
export const pytmElementId = (name: string): ElementId => asId(`pytm:element:${name}`)
export const pytmFlowId = (name: string): FlowId => asId(`pytm:flow:${name}`)
export const pytmBoundaryId = (name: string): BoundaryId => asId(`pytm:boundary:${name}`)
export const pytmDataId = (name: string): DataAssetId => asId(`pytm:data:${name}`)

/** A TM-level assumption, or one stated on an item (pytm 1.4.0 element assumptions). */
export const pytmAssumptionId = (name: string, itemName: string | null): AssumptionId =>
  asId(itemName === null ? `pytm:assumption:${name}` : `pytm:assumption:${itemName}:${name}`)

/**
 * pytm's finding ids are a running number, renumbered on every run, so they are not identities; the
 * stable key of a finding is (threat SID, target) (pytm.md §7).
 * The reader and the threat engine both mint it, so a model read from a dump and the engine's output agree.
 */
export const pytmThreatId = (sid: string, targetId: string): ThreatId => asId(`pytm:threat:${sid}:${targetId}`)

/** `pytmThreatId(sid, …)` for many targets: the SID's part is joined once, so each id is one short join. */
export function pytmThreatIds(sid: string): (targetId: string) => ThreatId {
  const prefix = `pytm:threat:${sid}:`
  return (targetId) => asId(prefix + targetId)
}
