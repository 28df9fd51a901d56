import { emptyModel, newBoxBoundary, newDiagram, newElement, newFlow, newLineBoundary } from '../../../model/factory'
import type { DiagramElement, Flow, ThreatModel } from '../../../model/model'
import type { ElementType, Template, ThreatTypeDefinition } from '../../../model/template'

function elementType(id: string, parentId: string): ElementType {
  return { id, name: id, description: '', parentId, representation: 'inherited', hidden: false, attributes: [], image: '', extensions: {} }
}

function threatType(id: string, include: string, exclude = '', categoryId = 'S'): ThreatTypeDefinition {
  return {
    id,
    categoryId,
    shortTitle: `${id}: {source.Name} to {TARGET.name} over {flow.name}`,
    description: 'About {Source.Name}.',
    include,
    exclude,
    propertyDefaults: [
      { key: 'Priority', value: 'High' },
      { key: 'c0ffee00-0000-4000-8000-000000000001', value: 'Use mutual TLS' }
    ],
    extensions: {}
  }
}

/** A small template written for this test: a web app type under the generic process, boundaries, five rules. */
export const template: Template = {
  ref: { id: 'test-template', name: 'Test template', version: '1.0' },
  author: 'tests',
  elementTypes: [
    elementType('GE.P', 'ROOT'),
    elementType('SE.P.WebApp', 'GE.P'),
    elementType('GE.EI', 'ROOT'),
    elementType('GE.DF', 'ROOT'),
    elementType('GE.TB.B', 'ROOT'),
    elementType('SE.TB.B.Internet', 'GE.TB.B'),
    elementType('GE.TB.L', 'ROOT')
  ],
  threatCategories: [{ id: 'S', name: 'Spoofing', shortDescription: '', longDescription: '', extensions: {} }],
  threatTypes: [
    threatType('CROSS', "flow crosses 'GE.TB.B'"),
    threatType('WEB', "target is 'GE.P'", "flow.authenticatesSource is 'Yes'"),
    threatType('NEVER', "source is 'ROOT'"),
    threatType('LINE', "flow crosses 'GE.TB.L'"),
    threatType('BROKEN', "source is 'GE.P' and")
  ],
  threatProperties: [
    { id: 'p1', key: 'c0ffee00-0000-4000-8000-000000000001', label: 'Possible mitigation', hideFromUi: false, values: [], attributeType: 0, extensions: {} }
  ],
  isPriorityUsed: true,
  isStatusUsed: true,
  extensions: {}
}

function withType(element: DiagramElement, typeId: string, name: string): DiagramElement {
  return { ...element, typeId, name }
}

function flowBetween(source: DiagramElement, target: DiagramElement, name: string, extra: Partial<Flow> = {}): Flow {
  const from = { x: source.layout.x + 50, y: source.layout.y + 50 }
  const to = { x: target.layout.x + 50, y: target.layout.y + 50 }
  return { ...newFlow(source.id, target.id, { sourcePoint: from, targetPoint: to }), typeId: 'GE.DF', name, ...extra }
}

/**
 * Browser (0,0) outside an Internet box (200..500 × 0..300) that holds the web app (300,100).
 * A line boundary runs vertically at x = 700, right of everything except the admin at (800,100).
 */
export function ruleTestModel(): ThreatModel {
  const browser = withType(newElement('externalInteractor', { x: 0, y: 100 }), 'GE.EI', 'Browser')
  const web = withType(newElement('process', { x: 300, y: 100 }), 'SE.P.WebApp', 'Web app')
  const admin = withType(newElement('externalInteractor', { x: 800, y: 100 }), 'GE.EI', 'Admin')
  const box = { ...newBoxBoundary({ x: 200, y: 0, width: 300, height: 300 }), typeId: 'SE.TB.B.Internet' }
  const line = { ...newLineBoundary([{ x: 700, y: -50 }, { x: 700, y: 200 }, { x: 700, y: 450 }]), typeId: 'GE.TB.L' }
  const authenticated = { kind: 'list' as const, key: 'authenticatesSource', label: 'Source Authenticated', options: ['No', 'Yes'], selected: 1, editable: true }
  const flows = [
    flowBetween(browser, web, 'Requests'),
    flowBetween(admin, web, 'Admin calls', { properties: [authenticated] }),
    flowBetween(web, browser, 'Ignored', { outOfScope: true, outOfScopeReason: 'test' })
  ]
  const diagram = { ...newDiagram('Main'), elements: [browser, web, admin], flows, boundaries: [box, line] }
  return { ...emptyModel('Rules'), diagrams: [diagram] }
}
