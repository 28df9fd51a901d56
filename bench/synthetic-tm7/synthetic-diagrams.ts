import type { Random } from './random'
import type { SyntheticElementType } from './synthetic-knowledge-base'
import { commonProperties, header, listProperty, stringProperty } from './synthetic-properties'
import { ABSTRACTS_NS, ARRAYS_NS, SERIALIZATION_NS, abstractsMember, escapeText } from './tm7-xml'

export interface SyntheticFlow {
  readonly guid: string
  readonly name: string
  readonly sourceGuid: string
  readonly targetGuid: string
  readonly sourceName: string
  readonly targetName: string
  readonly diagramGuid: string
}

export interface DiagramSize {
  readonly stencils: number
  readonly flows: number
  readonly lineBoundaries: number
}

interface Stencil {
  readonly guid: string
  readonly name: string
  readonly left: number
  readonly top: number
}

const PORTS = ['North', 'NorthEast', 'East', 'SouthEast', 'South', 'SouthWest', 'West', 'NorthWest'] as const

/**
 * One `DrawingSurfaceModel` (tmt-format.md §4): members GenericTypeId, Guid, Properties, TypeId, Borders,
 * Header, Lines, Zoom; `xmlns:z` declared on it; Borders then Lines numbered with the shared z:Id counter.
 */
export function syntheticDiagram(
  random: Random,
  index: number,
  size: DiagramSize,
  types: readonly SyntheticElementType[],
  nextId: () => string,
  flows: SyntheticFlow[]
): string {
  const guid = random.guid()
  const name = `Synthetic diagram ${index + 1}`
  const diagramId = nextId()
  const stencilTypes = types.filter((type) => type.shape.startsWith('Stencil'))
  const boxTypes = types.filter((type) => type.shape === 'BorderBoundary')
  const flowTypes = types.filter((type) => type.shape === 'Connector')
  const lineTypes = types.filter((type) => type.shape === 'LineBoundary')

  const stencils: Stencil[] = []
  const borders: string[] = []
  const boxes = Math.max(1, Math.floor(size.stencils / 100))
  for (let number = 0; number < size.stencils; number += 1) {
    const isBox = number < boxes
    const type = random.pick(isBox ? boxTypes : stencilTypes)
    const stencil = { guid: random.guid(), name: `${type.label} ${index + 1}.${number + 1}`, left: (number % 25) * 160, top: Math.floor(number / 25) * 160 }
    if (!isBox) stencils.push(stencil)
    borders.push(borderXml(random, stencil, type, nextId(), isBox))
  }
  const lines: string[] = []
  for (let number = 0; number < size.flows; number += 1) {
    const source = random.pick(stencils)
    const target = random.pick(stencils.filter((candidate) => candidate !== source).slice(0, 40))
    const flow = { guid: random.guid(), name: `[${number + 1}] ${random.sentence(2).slice(0, -1)}`, sourceGuid: source.guid, targetGuid: target.guid, sourceName: source.name, targetName: target.name, diagramGuid: guid }
    flows.push(flow)
    lines.push(connectorXml(random, flow, source, target, random.pick(flowTypes), nextId()))
  }
  for (let number = 0; number < size.lineBoundaries; number += 1) {
    lines.push(lineBoundaryXml(random, random.pick(lineTypes), nextId()))
  }
  return (
    `<DrawingSurfaceModel z:Id="${diagramId}" xmlns:z="${SERIALIZATION_NS}">${abstractsMember('GenericTypeId', 'DRAWINGSURFACE')}${abstractsMember('Guid', guid)}` +
    `<Properties xmlns="${ABSTRACTS_NS}" xmlns:a="${ARRAYS_NS}">${header('Diagram')}${stringProperty('Name', '', name)}</Properties>${abstractsMember('TypeId', 'DRAWINGSURFACE')}` +
    `<Borders xmlns:a="${ARRAYS_NS}">${borders.join('')}</Borders><Header>${escapeText(name)}</Header>` +
    `<Lines xmlns:a="${ARRAYS_NS}">${lines.join('')}</Lines><Zoom>1</Zoom></DrawingSurfaceModel>`
  )
}

function typedProperties(random: Random, type: SyntheticElementType, name: string): string {
  const generic = type.attributes.slice(0, -1)
  const own = type.attributes.slice(-1)
  return (
    commonProperties(type.label, name, random.integer(20) === 0) +
    header('Configurable Attributes') +
    own.map((attribute) => listProperty(attribute, random.integer(attribute.values.length))).join('') +
    header('As Generic Element') +
    generic.map((attribute) => listProperty(attribute, random.integer(attribute.values.length))).join('')
  )
}

/** Border members: GenericTypeId, Guid, Properties, TypeId, Height, Left, StrokeDashArray, StrokeThickness, Top, Width (§5). */
function borderXml(random: Random, stencil: Stencil, type: SyntheticElementType, zId: string, isBox: boolean): string {
  return (
    `<a:KeyValueOfguidanyType><a:Key>${stencil.guid}</a:Key><a:Value z:Id="${zId}" i:type="${type.shape}">` +
    `${abstractsMember('GenericTypeId', type.genericId)}${abstractsMember('Guid', stencil.guid)}` +
    `<Properties xmlns="${ABSTRACTS_NS}">${typedProperties(random, type, stencil.name)}</Properties>${abstractsMember('TypeId', type.id)}` +
    `${abstractsMember('Height', isBox ? '600' : '100')}${abstractsMember('Left', String(stencil.left))}<StrokeDashArray i:nil="true" xmlns="${ABSTRACTS_NS}"/>` +
    `${abstractsMember('StrokeThickness', '1')}${abstractsMember('Top', String(stencil.top))}${abstractsMember('Width', isBox ? '800' : '100')}</a:Value></a:KeyValueOfguidanyType>`
  )
}

interface LineEnds {
  readonly sourceGuid: string
  readonly targetGuid: string
  readonly portSource: string
  readonly portTarget: string
  readonly points: readonly [number, number, number, number, number, number]
}

/** Line members: GenericTypeId, Guid, Properties, TypeId, HandleX/Y, PortSource/Target, Source*, Target* (§6). */
function lineXml(kind: string, type: SyntheticElementType, guid: string, properties: string, ends: LineEnds, zId: string): string {
  const [handleX, handleY, sourceX, sourceY, targetX, targetY] = ends.points
  return (
    `<a:KeyValueOfguidanyType><a:Key>${guid}</a:Key><a:Value z:Id="${zId}" i:type="${kind}">` +
    `${abstractsMember('GenericTypeId', type.genericId)}${abstractsMember('Guid', guid)}<Properties xmlns="${ABSTRACTS_NS}">${properties}</Properties>${abstractsMember('TypeId', type.id)}` +
    `${abstractsMember('HandleX', String(handleX))}${abstractsMember('HandleY', String(handleY))}${abstractsMember('PortSource', ends.portSource)}${abstractsMember('PortTarget', ends.portTarget)}` +
    `${abstractsMember('SourceGuid', ends.sourceGuid)}${abstractsMember('SourceX', String(sourceX))}${abstractsMember('SourceY', String(sourceY))}` +
    `${abstractsMember('TargetGuid', ends.targetGuid)}${abstractsMember('TargetX', String(targetX))}${abstractsMember('TargetY', String(targetY))}</a:Value></a:KeyValueOfguidanyType>`
  )
}

function connectorXml(random: Random, flow: SyntheticFlow, source: Stencil, target: Stencil, type: SyntheticElementType, zId: string): string {
  const sourceX = source.left + 100
  const sourceY = source.top + 50
  const targetX = target.left
  const targetY = target.top + 50
  const properties = typedProperties(random, type, flow.name) + stringPropertyForOrder(random)
  return lineXml('Connector', type, flow.guid, properties, {
    sourceGuid: flow.sourceGuid,
    targetGuid: flow.targetGuid,
    portSource: random.pick(PORTS),
    portTarget: random.pick(PORTS),
    points: [Math.round((sourceX + targetX) / 2), Math.round((sourceY + targetY) / 2), sourceX, sourceY, targetX, targetY]
  }, zId)
}

/** TMT 7.3+ adds a "Dataflow Order" string property (§7). */
function stringPropertyForOrder(random: Random): string {
  return stringProperty('Dataflow Order', '15ccd509-98eb-49ad-b9c2-b4a2926d1780', String(random.integer(100)))
}

const NOT_ATTACHED = '00000000-0000-0000-0000-000000000000'

function lineBoundaryXml(random: Random, type: SyntheticElementType, zId: string): string {
  const guid = random.guid()
  const x = random.integer(3000)
  return lineXml('LineBoundary', type, guid, commonProperties(type.label, `Line boundary ${guid.slice(0, 4)}`, false), {
    sourceGuid: NOT_ATTACHED,
    targetGuid: NOT_ATTACHED,
    portSource: 'None',
    portTarget: 'None',
    points: [x + 40, 500, x, 0, x + 20, 1000]
  }, zId)
}
