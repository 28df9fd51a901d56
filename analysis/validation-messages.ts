import { boundariesContaining, crossesBoundary } from '../model/geometry'
import type { DiagramItemId } from '../model/ids'
import type { Diagram } from '../model/model'

/**
 * Live diagram checks, like TMT's Messages tab (ux.md §1) and what Threat Dragon users asked for
 * (threat-dragon #463): each message names the item it is about, so the panel can select it.
 */
export type ValidationCode =
  | 'flow.unattached-source'
  | 'flow.unattached-target'
  | 'item.unnamed'
  | 'item.out-of-scope-without-reason'
  | 'flow.crosses-no-boundary'

export interface ValidationMessage {
  readonly code: ValidationCode
  readonly severity: 'warning' | 'info'
  readonly itemId: DiagramItemId
  readonly message: string
}

export function validationMessages(diagram: Diagram): ValidationMessage[] {
  const messages: ValidationMessage[] = []
  const names = new Map<string, string>(diagram.elements.map((element) => [element.id, element.name.trim() || 'an unnamed element']))
  const label = (name: string, fallback: string): string => (name.trim() === '' ? fallback : `"${name}"`)

  for (const element of diagram.elements) {
    if (element.kind !== 'annotation' && element.name.trim() === '') {
      messages.push({ code: 'item.unnamed', severity: 'warning', itemId: element.id, message: 'An element has no name.' })
    }
    if (element.outOfScope && element.outOfScopeReason.trim() === '') {
      messages.push({
        code: 'item.out-of-scope-without-reason',
        severity: 'warning',
        itemId: element.id,
        message: `${label(element.name, 'An element')} is out of scope without a reason.`
      })
    }
  }

  // Trust zone of an element: its innermost box boundary (or none). Computed once per element.
  const zones = new Map<string, string | null>(
    diagram.elements.map((element) => [element.id, boundariesContaining(diagram, element.id).find((b) => b.shape.kind === 'box')?.id ?? null])
  )
  for (const flow of diagram.flows) {
    const flowName = label(flow.name, 'A flow')
    if (flow.source === null || !names.has(flow.source)) {
      messages.push({ code: 'flow.unattached-source', severity: 'warning', itemId: flow.id, message: `${flowName} has no source element.` })
    }
    if (flow.target === null || !names.has(flow.target)) {
      messages.push({ code: 'flow.unattached-target', severity: 'warning', itemId: flow.id, message: `${flowName} has no target element.` })
    }
    if (flow.name.trim() === '') {
      messages.push({ code: 'item.unnamed', severity: 'warning', itemId: flow.id, message: 'A flow has no name.' })
    }
    if (flow.outOfScope && flow.outOfScopeReason.trim() === '') {
      messages.push({
        code: 'item.out-of-scope-without-reason',
        severity: 'warning',
        itemId: flow.id,
        message: `${flowName} is out of scope without a reason.`
      })
    }
    if (flow.source === null || flow.target === null) continue
    const sourceZone = zones.get(flow.source)
    const targetZone = zones.get(flow.target)
    if (sourceZone === undefined || targetZone === undefined || sourceZone === targetZone) continue
    if (!diagram.boundaries.some((boundary) => crossesBoundary(flow, boundary))) {
      messages.push({
        code: 'flow.crosses-no-boundary',
        severity: 'warning',
        itemId: flow.id,
        message: `${flowName} joins ${names.get(flow.source) ?? ''} and ${names.get(flow.target) ?? ''} in different trust zones but crosses no boundary.`
      })
    }
  }
  return messages
}
