import { asId, type AssumptionId, type NoteId } from '../../model/ids'
import type { Assumption, ModelMetadata, Note } from '../../model/model'
import { emptyMetadata } from '../../model/factory'
import { childElement, elementChildren, isNil, textContent } from '../xml/xml-query'
import { bagText } from './bag'
import type { XmlElement } from '../xml/xml-tree'
import { report, type ReadContext } from './read-context'
import { ARRAYS_NS, KNOWLEDGE_BASE_NS, MODEL_NS } from './tm7-namespaces'

/** The key of TMT's "External Dependencies" in `metadata.custom`; the one assumption's id. */
export const EXTERNAL_DEPENDENCIES_KEY = 'External Dependencies'
export const TMT_ASSUMPTIONS_ID = 'tm7-assumptions'

const metaText = (meta: XmlElement | undefined, local: string): string =>
  meta === undefined ? '' : textContent(childElement(meta, local, MODEL_NS)).trim()

/** MetaInformation: 7 free-text fields (tmt-format.md §10). Lists stay one entry: readers do not split prose. */
export function readMetaInformation(meta: XmlElement | undefined): { metadata: ModelMetadata; assumptions: Assumption[] } {
  const reviewer = metaText(meta, 'Reviewer')
  const contributors = metaText(meta, 'Contributors')
  const dependencies = metaText(meta, 'ExternalDependencies')
  const assumptions = metaText(meta, 'Assumptions')
  return {
    metadata: {
      ...emptyMetadata(metaText(meta, 'ThreatModelName')),
      description: metaText(meta, 'HighLevelSystemDescription'),
      owner: metaText(meta, 'Owner'),
      reviewers: reviewer === '' ? [] : [reviewer],
      contributors: contributors === '' ? [] : [contributors],
      custom: dependencies === '' ? [] : [{ key: EXTERNAL_DEPENDENCIES_KEY, value: dependencies }]
    },
    assumptions:
      assumptions === ''
        ? []
        : [{ id: asId<AssumptionId>(TMT_ASSUMPTIONS_ID), title: 'Assumptions', description: assumptions, extensions: {} }]
  }
}

/** Notes/Note (tmt-format.md §10); the id is TMT's `Id`, made unique if a file repeats one. */
export function readNotes(notes: XmlElement | undefined): { notes: Note[]; idOf: Map<XmlElement, string> } {
  const idOf = new Map<XmlElement, string>()
  const result: Note[] = []
  const used = new Set<string>()
  elementChildren(notes ?? emptyElement).forEach((note, index) => {
    const field = (local: string): XmlElement | undefined => childElement(note, local, MODEL_NS)
    let id = textContent(field('Id')).trim()
    if (id === '' || used.has(id)) id = `note-${index + 1}`
    used.add(id)
    idOf.set(note, id)
    const date = isNil(field('Date')) ? '' : textContent(field('Date')).trim()
    result.push({
      id: asId<NoteId>(id),
      text: textContent(field('Message')).trim(),
      author: textContent(field('AddedBy')).trim(),
      createdAt: date === '' ? null : date,
      extensions: { tm7: { xml: bagText(note) } }
    })
  })
  return { notes: result, idOf }
}

const emptyElement: XmlElement = { kind: 'element', name: '', uri: '', local: '', attributes: [], children: [] }

/** TMT's cached model checks (tmt-format.md §10) become warnings; they stay in the file for write-back. */
export function reportValidations(context: ReadContext, validations: XmlElement | undefined): void {
  elementChildren(validations ?? emptyElement).forEach((validation, index) => {
    const kb = (local: string): string => textContent(childElement(validation, local, KNOWLEDGE_BASE_NS)).trim()
    const guids = childElement(validation, 'ElementGuids', KNOWLEDGE_BASE_NS)
    const elements = [...new Set((guids ? elementChildren(guids) : []).filter((guid) => guid.uri === ARRAYS_NS).map((guid) => textContent(guid).trim()))]
    const about = elements.length > 0 ? ` (${elements.join(', ')})` : ''
    report(context, 'tm7.validation', 'warning', `TMT validation: ${kb('Message')}${about}`, `/ThreatModel/Validations/${validation.name}[${index + 1}]`)
  })
}
