/**
 * The offset of the first markup run (`<` … `>`) longer than `limit` characters, or null. sax builds
 * attribute values one character at a time, so a 60 MB attribute took seconds and gigabytes before
 * sax finished; real TMT tags are a few hundred characters (namespace declarations), so a cheap scan
 * with indexOf refuses such input up front. Long text between tags is fine (sax reads it in runs).
 */
export function findLongTag(text: string, limit: number): number | null {
  let open = text.indexOf('<')
  while (open >= 0) {
    const close = text.indexOf('>', open + 1)
    const end = close < 0 ? text.length : close
    if (end - open > limit) return open
    if (close < 0) return null
    open = text.indexOf('<', close + 1)
  }
  return null
}
