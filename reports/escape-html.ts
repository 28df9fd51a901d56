const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Text from the model as HTML or SVG text and attribute values. Escaping all five characters makes the
 * result safe in element content and in quoted attributes alike, so there is one function, not two to
 * confuse. Control characters other than tab and line breaks are dropped: XML (SVG) forbids them.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character).replace(FORBIDDEN_IN_XML, '')
}

// C0 controls except tab, LF and CR, and the two non-characters XML 1.0 also excludes.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
