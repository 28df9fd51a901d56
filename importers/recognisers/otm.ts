import type { ModelFormat } from '../format'
import { looksLikeJson, sniffJsonObject } from '../text/sniff-json'
import { sniffYamlTopLevelKeys } from '../text/sniff-yaml-keys'

/** OTM files are JSON or YAML; `otmVersion` is the one required marker (otm.md §1). */
export function isOtmText(text: string): boolean {
  if (looksLikeJson(text)) return typeof sniffJsonObject(text)?.otmVersion === 'string'
  return sniffYamlTopLevelKeys(text).has('otmVersion')
}

/** Recognised only: the reader is still to come. */
export const otmFormat: ModelFormat = {
  id: 'otm',
  label: 'Open Threat Model (OTM) file',
  extensions: ['.otm'],
  detect: isOtmText
}
