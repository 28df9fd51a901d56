import type { Diagram, Flow } from '../../model/model'

/**
 * Model facts the loader input cannot say (pytm.md §4), as messages for the write report:
 * - which request a response answers: the loader takes `isResponse` and pairs the response with the one
 *   flow in the opposite direction, so a request that is not that one flow is lost;
 * - data an element processes without a flow carrying it (pytm `Data.processedBy` set by hand): the
 *   loader has no place for it, and pytm recomputes processedBy from the flows.
 */
export function loaderLosses(diagram: Diagram): string[] {
  const messages: string[] = []
  for (const flow of diagram.flows) {
    if (flow.responseTo === null) continue
    const requests = diagram.flows.filter((other) => isRequestFor(other, flow))
    if (requests.length !== 1 || requests[0]?.id !== flow.responseTo) {
      messages.push(`response "${flow.name}" is written with isResponse only; pytm will not pair it with the request it answers here`)
    }
  }
  for (const element of diagram.elements) {
    const carried = new Set(
      diagram.flows
        .filter((flow) => flow.source === element.id || flow.target === element.id)
        .flatMap((flow) => [...flow.dataSent, ...flow.dataReceived])
    )
    const uncarried = element.dataProcessed.filter((id) => !carried.has(id))
    if (uncarried.length > 0) {
      messages.push(`element "${element.name}" processes ${uncarried.length} data items no flow of it carries; pytm's input cannot say so`)
    }
  }
  return messages
}

function isRequestFor(candidate: Flow, response: Flow): boolean {
  return (
    candidate.id !== response.id &&
    candidate.source === response.target &&
    candidate.target === response.source &&
    candidate.responseTo === null &&
    !candidate.properties.some((property) => property.key === 'isResponse' && property.kind === 'boolean' && property.value)
  )
}
