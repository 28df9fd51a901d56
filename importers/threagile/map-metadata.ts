import { safeText } from './safe-text'
import type { KeyValue, ModelMetadata } from '../../model/model'
import type { FieldReader } from './field-reader'
import { isPlainObject } from './resolve-includes'
import { CRITICALITY, enumValue } from './threagile-enums'

/**
 * Keys of `metadata.custom` the reader writes and the writer reads back. Map-valued sections
 * (security requirements, abuse cases, questions) become one entry per item, prefixed with the section
 * key, so the app can show and edit them as plain key/value pairs.
 */
export const CUSTOM_KEYS = {
  businessCriticality: 'business_criticality',
  managementSummary: 'management_summary_comment',
  businessOverview: 'business_overview',
  technicalOverview: 'technical_overview',
  applicationDescription: 'application_description'
} as const
export const CUSTOM_SECTIONS = ['security_requirements', 'abuse_cases', 'questions'] as const

export function sectionKey(section: string, item: string): string {
  return `${section}: ${item}`
}

/** Top-level Threagile keys that this step maps into the metadata. */
export const METADATA_FIELDS = [
  'threagile_version', 'title', 'date', 'business_criticality', 'management_summary_comment', 'tags_available',
  ...CUSTOM_SECTIONS
]

export function mapMetadata(fields: FieldReader, root: Record<string, unknown>): ModelMetadata {
  const custom: KeyValue[] = []
  const criticality = fields.enumField(root, 'business_criticality', [], CRITICALITY, (raw) => enumValue(CRITICALITY, raw))
  custom.push({ key: CUSTOM_KEYS.businessCriticality, value: criticality ?? '' })
  const summary = fields.string(root, 'management_summary_comment', [])
  if (summary !== '') custom.push({ key: CUSTOM_KEYS.managementSummary, value: summary })
  for (const key of [CUSTOM_KEYS.applicationDescription, CUSTOM_KEYS.businessOverview, CUSTOM_KEYS.technicalOverview]) {
    const overview = root[key]
    if (isPlainObject(overview)) {
      const description = fields.string(overview, 'description', [key])
      if (description !== '') custom.push({ key, value: description })
    }
  }
  for (const section of CUSTOM_SECTIONS) {
    const items = root[section]
    if (items === undefined || items === null) continue
    if (!isPlainObject(items)) {
      fields.error('threagile.type', `"${section}" must be a map of titles to texts`, [section])
      continue
    }
    for (const [item, text] of Object.entries(items)) custom.push({ key: sectionKey(section, item), value: textOf(text) })
  }

  const date = fields.string(root, 'date', [])
  if (date !== '' && !isIsoDate(date)) fields.error('threagile.date', `date "${date}" must be written YYYY-MM-DD`, ['date'])
  const author = isPlainObject(root.author) ? root.author : {}
  const contributors = Array.isArray(root.contributors) ? root.contributors : []
  const tags = fields.stringList(root, 'tags_available', [])
  return {
    title: fields.string(root, 'title', []),
    description: '',
    owner: fields.string(author, 'name', ['author']),
    reviewers: [],
    contributors: contributors.map((entry) => (isPlainObject(entry) ? safeText(entry.name ?? '') : safeText(entry))),
    version: fields.string(root, 'threagile_version', []),
    createdAt: isIsoDate(date) ? date : null,
    modifiedAt: null,
    tags,
    custom
  }
}

/** Go layout `2006-01-02`, which v1 parses strictly (schema §1). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
}

/**
 * A section item as text. Not String(value): a mapping with its own `toString` key (YAML data, not a
 * method) makes String() throw (found by fuzzing, tests/fixtures/fuzz/threagile-section-item-with-tostring-key.yaml).
 */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
