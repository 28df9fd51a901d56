/** The last path segment, for either separator (a Windows path reaches the renderer as is). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** `web-shop.tm7` + `.twm` → `web-shop.twm`; a name without an extension just gains one. */
export function withExtension(fileName: string, extension: string): string {
  const dot = fileName.lastIndexOf('.')
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName
  return `${stem}${extension}`
}

/** What the browser-mode file picker offers; the format itself is detected by content, never by name. */
export const OPEN_FILE_ACCEPT = '.twm,.tm7,.tb7,.yaml,.yml,.json'
