import { diagnostic } from '../../model/diagnostics'
import type { ReadInput } from '../format'
import type { TemplateReadResult } from '../template-format'
import { decodeUtf8 } from '../text/decode-text'
import { readKnowledgeBase } from '../tmt-knowledge-base/read-knowledge-base'
import { xmlSerializerDialect } from '../tmt-knowledge-base/knowledge-base-dialect'
import { parseXml } from '../xml/parse-xml'

/**
 * A TMT template file (.tb7) → Template. A .tb7 is .NET XmlSerializer output: UTF-8 (one corpus file
 * has a BOM, which decoding drops), an XML declaration, root `<KnowledgeBase>` in no namespace
 * (tmt-format.md §1, §9). Never throws; a file that is not such XML gives one error naming the file.
 */
export function readTb7(input: ReadInput): TemplateReadResult {
  const file = input.fileName
  const failure = (code: string, message: string): TemplateReadResult => ({
    template: null,
    diagnostics: [diagnostic(code, 'error', message, { file })]
  })
  const decoded = decodeUtf8(input.bytes)
  if (decoded.kind === 'refused') return failure('tb7.encoding', `the file ${decoded.reason}`)
  const parsed = parseXml(decoded.text, file)
  if ('diagnostics' in parsed) return { template: null, diagnostics: parsed.diagnostics }
  const { root } = parsed
  if (root.local !== 'KnowledgeBase' || root.uri !== '') {
    const found = root.uri === '' ? `<${root.local}>` : `<${root.local}> in namespace ${root.uri}`
    return failure('tb7.root', `not a Threat Modeling Tool template: the root element is ${found}, expected <KnowledgeBase>`)
  }
  return readKnowledgeBase(root, xmlSerializerDialect, file)
}
