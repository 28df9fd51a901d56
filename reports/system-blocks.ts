import { renderDiagramSvg } from './diagram-svg'
import { cellOf, heading, linesCell, paragraph, textOrMissing, type Block, type Cell } from './document-blocks'
import { ELEMENT_KIND_LABELS, SEVERITY_LABELS } from './labels'
import type { PropertyText, ReportDetails, ReportDiagram } from './report-types'
import { SECTIONS } from './section-titles'

/** Sections E–I: scope, method, assets, diagrams, assumptions. */
export function systemBlocks(details: ReportDetails): readonly Block[] {
  return [
    ...scopeBlocks(details),
    ...methodBlocks(details),
    ...assetBlocks(details),
    heading(2, SECTIONS.diagrams.id, SECTIONS.diagrams.title),
    ...(details.diagrams.length === 0 ? [paragraph('No diagrams.')] : details.diagrams.flatMap(diagramBlocks)),
    heading(2, SECTIONS.assumptions.id, SECTIONS.assumptions.title),
    details.assumptions.length === 0
      ? paragraph({ kind: 'missing', text: 'no assumptions recorded' })
      : {
          kind: 'table',
          caption: 'Assumptions',
          columns: ['ID', 'Assumption', 'Description'],
          rows: details.assumptions.map((assumption) => [[{ kind: 'code', text: assumption.id }], [assumption.title], [assumption.description]])
        }
  ]
}

function scopeBlocks(details: ReportDetails): readonly Block[] {
  const { scope } = details
  return [
    heading(2, SECTIONS.scope.id, SECTIONS.scope.title),
    paragraph(textOrMissing(scope.description)),
    {
      kind: 'fields',
      rows: [
        { label: 'Elements in scope', value: [String(scope.inScopeElements)] },
        { label: 'External interactors', value: linesCell(scope.externalInteractors.map((entry) => entry.name)) },
        { label: 'Reviewers', value: linesCell(scope.reviewers, 'none named') },
        { label: 'Contributors', value: linesCell(scope.contributors, 'none named') },
        { label: 'Tags', value: linesCell(scope.tags) },
        ...scope.metadata.map((entry) => ({ label: entry.key, value: [entry.value] }))
      ]
    },
    {
      kind: 'table',
      caption: 'Out of scope',
      columns: ['ID', 'Name', 'Kind', 'Reason'],
      rows: scope.outOfScope.map((entry) => [[{ kind: 'code', text: entry.id }], [entry.name], [entry.kind], cellOf(entry.reason, 'no reason given')])
    }
  ]
}

function methodBlocks(details: ReportDetails): readonly Block[] {
  const { method } = details
  return [
    heading(2, SECTIONS.method.id, SECTIONS.method.title),
    {
      kind: 'fields',
      rows: [
        { label: 'Template', value: cellOf(method.template, 'none') },
        { label: 'Threat sources', value: linesCell(method.sources.map((entry) => `${entry.source}: ${entry.threats} threat(s)`), 'no threats') },
        { label: 'Risk acceptance criteria', value: cellOf(method.acceptanceCriteria) }
      ]
    },
    {
      kind: 'table',
      caption: 'Severity scale',
      columns: ['Severity', 'Meaning'],
      rows: method.severityScale.map((entry) => [[SEVERITY_LABELS[entry.level]], [entry.meaning]])
    },
    paragraph(
      'A threat without a severity is rated from its priority: ',
      method.priorityToSeverity.map((entry) => `${entry.priority} → ${entry.severity}`).join(', '),
      '. A threat with neither is "Unrated". Open means not started, needs investigation, or a state the model does not recognise.'
    )
  ]
}

function assetBlocks(details: ReportDetails): readonly Block[] {
  return [
    heading(2, SECTIONS.assets.id, SECTIONS.assets.title),
    {
      kind: 'table',
      caption: 'Data assets',
      columns: ['ID', 'Name', 'Classification', 'C / I / A', 'Stored in', 'Processed by', 'Carried by', 'Description'],
      rows: details.dataAssets.map((asset) => [
        [{ kind: 'code', text: asset.id }],
        [asset.name],
        cellOf(asset.classification, 'not classified'),
        [[asset.confidentiality, asset.integrity, asset.availability].map((level) => level ?? '?').join(' / ')],
        linesCell(asset.storedIn),
        linesCell(asset.processedBy),
        linesCell(asset.carriedBy),
        [asset.description]
      ])
    }
  ]
}

function diagramBlocks(diagram: ReportDiagram, index: number): readonly Block[] {
  return [
    heading(3, `diagram-${index + 1}`, `Diagram: ${diagram.name}`),
    paragraph('Diagram ID ', { kind: 'code', text: diagram.id }),
    ...(diagram.drawing === null
      ? []
      : [{ kind: 'drawing', svg: renderDiagramSvg(diagram.drawing, diagram.name, index), caption: `${diagram.name} (data-flow diagram with trust boundaries)` } as const]),
    {
      kind: 'table',
      caption: 'Elements',
      columns: ['ID', 'Name', 'Kind', 'Type', 'In trust boundaries', 'Scope', 'Properties'],
      rows: diagram.elements.map((element) => [
        [{ kind: 'code', text: element.id }],
        [element.name],
        [ELEMENT_KIND_LABELS[element.kind]],
        [element.typeId],
        linesCell(element.boundaries, 'none'),
        element.outOfScope ? ['out of scope: ', ...cellOf(element.outOfScopeReason, 'no reason given')] : ['in scope'],
        propertiesCell(element.properties)
      ])
    },
    {
      kind: 'table',
      caption: 'Data flows',
      columns: ['ID', 'Name', 'From → to', 'Data sent', 'Data received', 'Trust boundaries crossed', 'Properties'],
      rows: diagram.flows.map((flow) => [
        [{ kind: 'code', text: flow.id }],
        [flow.name, ...(flow.outOfScope ? [' (out of scope)'] : [])],
        [`${flow.source} → ${flow.target}`],
        linesCell(flow.dataSent),
        linesCell(flow.dataReceived),
        linesCell(flow.boundariesCrossed, 'none'),
        propertiesCell(flow.properties)
      ])
    },
    {
      kind: 'table',
      caption: 'Trust boundaries',
      columns: ['ID', 'Name', 'Shape', 'Elements inside', 'Crossed by', 'Description'],
      rows: diagram.boundaries.map((boundary) => [
        [{ kind: 'code', text: boundary.id }],
        [boundary.name],
        [boundary.shape === 'box' ? 'box' : 'line'],
        linesCell(boundary.members, boundary.shape === 'line' ? 'n/a (line)' : 'none'),
        linesCell(boundary.crossedBy, 'none'),
        [boundary.description]
      ])
    }
  ]
}

function propertiesCell(properties: readonly PropertyText[]): Cell {
  return linesCell(properties.map((property) => `${property.label}: ${property.value}`))
}
