/**
 * Threagile's derived communication-link id (threagile-schema.md §3.1, v1 `model.MakeID`): the source
 * asset id, `>`, then the link title lower-cased with every run of characters other than letters and
 * digits replaced by `-`, and leading/trailing `-` and spaces trimmed. Risk ids and risk tracking keys
 * refer to links by this id, so it is the link's model id.
 */
export function communicationLinkId(sourceAssetId: string, linkTitle: string): string {
  return `${sourceAssetId}>${slugTitle(linkTitle)}`
}

export function slugTitle(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-\s]+|[-\s]+$/g, '')
}
