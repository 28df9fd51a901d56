/** 1-based line and column of a UTF-16 offset in a text, for diagnostics that point into a file. */
export interface LineColumn {
  readonly line: number
  readonly column: number
}

export function lineColumnAt(text: string, offset: number): LineColumn {
  const end = Math.max(0, Math.min(offset, text.length))
  let line = 1
  let lineStart = 0
  for (let index = 0; index < end; index += 1) {
    if (text.charCodeAt(index) === 0x0a) {
      line += 1
      lineStart = index + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}
