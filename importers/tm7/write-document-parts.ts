import type { Assumption, Note, ThreatModel } from '../../model/model'
import { childElement, isNil, textContent } from '../xml/xml-query'
import { xmlFromJson, type NamespaceScope } from '../xml/xml-json'
import type { XmlElement } from '../xml/xml-tree'
import { bagXml } from './bag'
import { EXTERNAL_DEPENDENCIES_KEY, TMT_ASSUMPTIONS_ID } from './read-document-parts'
import { KNOWLEDGE_BASE_NS, MODEL_NS } from './tm7-namespaces'
import { element, keepOrSet, member, updateChild } from './xml-build'

/** MetaInformation's 7 fields, alphabetical as TMT writes them (tmt-format.md §10), from the model. */
export function metaValues(model: ThreatModel): [string, string][] {
  const { metadata } = model
  return [
    ['Assumptions', assumptionsText(model.assumptions)],
    ['Contributors', metadata.contributors.join(', ')],
    ['ExternalDependencies', metadata.custom.find((entry) => entry.key === EXTERNAL_DEPENDENCIES_KEY)?.value ?? ''],
    ['HighLevelSystemDescription', metadata.description],
    ['Owner', metadata.owner],
    ['Reviewer', metadata.reviewers.join(', ')],
    ['ThreatModelName', metadata.title]
  ]
}

/** TMT has one Assumptions text; the reader made it one assumption, others become one line each. */
function assumptionsText(assumptions: readonly Assumption[]): string {
  return assumptions
    .map((assumption) => {
      if (assumption.id === TMT_ASSUMPTIONS_ID || assumption.title === '') return assumption.description
      return assumption.description === '' ? assumption.title : `${assumption.title}: ${assumption.description}`
    })
    .join('\r\n')
}

export function writeMetaInformation(original: XmlElement | undefined, model: ThreatModel, scope: NamespaceScope): XmlElement {
  const values = metaValues(model)
  const fresh = (): XmlElement[] => values.map(([local, value]) => element(local, scope, [], [value]))
  if (original === undefined) return element('MetaInformation', scope, [], fresh())
  if (!original.children.some((child) => child.kind === 'element')) return { ...original, children: fresh() }
  return values.reduce(
    (meta, [local, value]) => updateChild(meta, local, MODEL_NS, (child) => keepOrSet(child, isNil(child) ? null : textContent(child).trim(), value)),
    original
  )
}

/** The template identity the model names is written into the KB Manifest (the documented way to re-target a model). */
export function patchManifest(knowledgeBase: XmlElement, model: ThreatModel): XmlElement {
  const template = model.template
  if (template === null) return knowledgeBase
  return updateChild(knowledgeBase, 'Manifest', KNOWLEDGE_BASE_NS, (manifest) =>
    (
      [
        ['Id', template.id],
        ['Name', template.name],
        ['Version', template.version]
      ] as const
    ).reduce((patched, [local, value]) => updateChild(patched, local, KNOWLEDGE_BASE_NS, (child) => keepOrSet(child, textContent(child).trim(), value)), manifest)
  )
}

/** Notes/Note (tmt-format.md §10): `Id` is an integer in TMT, so app-made notes get the next free one. */
export function writeNotes(notes: readonly Note[], scope: NamespaceScope): Map<string, XmlElement> {
  const decoded = notes.map((note) => {
    const json = bagXml(note.extensions.tm7)
    return { note, original: json === null ? null : xmlFromJson(json, { scope }) }
  })
  const used = new Set(decoded.map(({ note }) => note.id).filter((id) => /^\d+$/.test(id)))
  let next = 1 + Math.max(0, ...[...used].map(Number))
  const written = new Map<string, XmlElement>()
  for (const { note, original } of decoded) {
    if (original !== null) {
      written.set(note.id, patchNote(original, note))
      continue
    }
    const id = /^\d+$/.test(note.id) ? note.id : String(next++)
    written.set(
      note.id,
      element('Note', scope, [], [
        member('AddedBy', note.author, scope),
        member('Date', note.createdAt, scope),
        member('Id', id, scope),
        member('Message', note.text, scope)
      ])
    )
  }
  return written
}

function patchNote(original: XmlElement, note: Note): XmlElement {
  const text = (child: XmlElement): string | null => (isNil(child) ? null : textContent(child).trim())
  const fields: [string, string | null][] = [
    ['AddedBy', note.author],
    ['Date', note.createdAt],
    ['Message', note.text]
  ]
  // The id is kept as written unless the note's id was made unique by the reader (see readNotes).
  const id = childElement(original, 'Id', MODEL_NS)
  if (id !== undefined && /^\d+$/.test(note.id)) fields.push(['Id', note.id])
  return fields.reduce(
    (patched, [local, value]) => updateChild(patched, local, MODEL_NS, (child) => keepOrSet(child, local === 'Date' && text(child) === '' ? null : text(child), value)),
    original
  )
}
