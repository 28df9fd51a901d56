import type { DrawnKind } from '../model/template'

/**
 * The generic DFD element types every model can use, before any template is applied. The ids are
 * Microsoft TMT's generic type ids (tmt-format.md §5, §9.3: `GE.P`, `GE.EI`, `GE.DS`, `GE.A`, `GE.DF`,
 * `GE.TB.B`, `GE.TB.L`), so a model drawn from scratch maps onto TMT templates without translation.
 * The labels and descriptions are ours.
 */
export interface GenericElementType {
  readonly typeId: string
  readonly label: string
  readonly description: string
  /** What it is drawn as: an element kind, a flow, or a box/line boundary. */
  readonly drawnAs: DrawnKind
}

export const GENERIC_ELEMENT_TYPES: readonly GenericElementType[] = [
  { typeId: 'GE.P', label: 'Process', description: 'Code that runs: a service, an application, a function.', drawnAs: 'process' },
  {
    typeId: 'GE.EI',
    label: 'External interactor',
    description: 'A person or system outside your control that talks to the system.',
    drawnAs: 'externalInteractor'
  },
  { typeId: 'GE.DS', label: 'Data store', description: 'Data at rest: a database, a file, a queue, a cache.', drawnAs: 'dataStore' },
  { typeId: 'GE.A', label: 'Annotation', description: 'A free-text note on the diagram; never gets threats.', drawnAs: 'annotation' },
  { typeId: 'GE.DF', label: 'Data flow', description: 'Data moving from a source to a target.', drawnAs: 'flow' },
  {
    typeId: 'GE.TB.B',
    label: 'Trust boundary (box)',
    description: 'Everything inside shares one level of trust; flows in or out of it cross the boundary.',
    drawnAs: 'boxBoundary'
  },
  {
    typeId: 'GE.TB.L',
    label: 'Trust boundary (line)',
    description: 'A line between two levels of trust; flows that cross the line cross the boundary.',
    drawnAs: 'lineBoundary'
  }
]
