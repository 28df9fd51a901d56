/**
 * Branded id types. Ids read from a source file are kept verbatim (TMT GUIDs, Threagile ids, pytm names)
 * so anything the app or the CLI prints can be traced back to that file. The brands stop an element id
 * from being passed where a flow id is expected; they cost nothing at run time.
 */
declare const brand: unique symbol
type Branded<Name extends string> = string & { readonly [brand]: Name }

export type ModelId = Branded<'ModelId'>
export type DiagramId = Branded<'DiagramId'>
export type ElementId = Branded<'ElementId'>
export type FlowId = Branded<'FlowId'>
export type BoundaryId = Branded<'BoundaryId'>
export type DataAssetId = Branded<'DataAssetId'>
export type ThreatId = Branded<'ThreatId'>
export type ThreatDefinitionId = Branded<'ThreatDefinitionId'>
export type AssumptionId = Branded<'AssumptionId'>
export type NoteId = Branded<'NoteId'>

/** Any id of a thing drawn on a diagram. */
export type DiagramItemId = ElementId | FlowId | BoundaryId

/**
 * The one place a plain string becomes a branded id. Readers call it with ids from their source file;
 * `newId` mints fresh ones for things the user creates.
 */
export function asId<Id extends string>(raw: string): Id {
  return raw as Id
}

/** A fresh random id (RFC 4122 v4 shape, like TMT's GUIDs) for things created in the app. */
export function newId<Id extends string>(random: () => number = Math.random): Id {
  const hex = (count: number): string =>
    Array.from({ length: count }, () => Math.floor(random() * 16).toString(16)).join('')
  const variant = (8 + Math.floor(random() * 4)).toString(16)
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}` as Id
}
