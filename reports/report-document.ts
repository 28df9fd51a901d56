import { heading, paragraph, type Block, type ReportDocument } from './document-blocks'
import { frontMatterBlocks } from './front-matter-blocks'
import { CONTENT_HASH_COMMAND, CONTENT_HASH_RULE } from './integrity'
import { modelHashCheckRows, modelHashRows } from './model-hash-rows'
import type { Report } from './report-types'
import { riskBlocks } from './risk-blocks'
import { SECTIONS } from './section-titles'
import { systemBlocks } from './system-blocks'

/** The report in reading order (audit-report.md §2: A–L, O, then Q), for the HTML and Markdown writers. */
export function reportDocument(report: Report, fileExtension: string): ReportDocument {
  const title = `Threat model report: ${report.documentControl.title}`
  const body: Block[] = [
    heading(1, 'top', title),
    ...frontMatterBlocks(report),
    ...(report.details === null ? [] : [...systemBlocks(report.details), ...riskBlocks(report.details)])
  ]
  return { title, body, integrity: (contentSha256) => integrityBlocks(report, contentSha256, fileExtension) }
}

function integrityBlocks(report: Report, contentSha256: string, fileExtension: string): readonly Block[] {
  const { source } = report
  return [
    heading(2, SECTIONS.integrity.id, SECTIONS.integrity.title),
    {
      kind: 'fields',
      rows: [
        ...modelHashRows(source, true),
        { label: 'Report content SHA-256', value: [{ kind: 'code', text: contentSha256 }] },
        { label: 'What the content hash covers', value: [CONTENT_HASH_RULE] },
        { label: 'Check the report', value: [{ kind: 'code', text: CONTENT_HASH_COMMAND.replace('REPORT', `report${fileExtension}`) }] },
        ...modelHashCheckRows(source)
      ]
    },
    paragraph(
      'The hashes show whether this report or the model was changed after generation; they are not a signature. Sign the report file with your organisation\'s tools to bind it to an approver.'
    )
  ]
}
