import { lineColumnAt, type LineColumn } from '../text/line-column'

/** A path into a parsed JSON document: object keys and array indexes, outermost first. */
export type JsonPath = readonly (string | number)[]

/**
 * Where a value sits in JSON text, for diagnostics that point at a line and column. `JSON.parse` keeps no
 * positions, so this walks the (already valid) text down the path, skipping siblings. It only runs when a
 * diagnostic is made, so a plain scan per call costs nothing on clean files. Null when the path is absent.
 */
export function locateJsonValue(text: string, path: JsonPath): LineColumn | null {
  const walker = new JsonWalker(text)
  try {
    walker.skipWhitespace()
    for (const segment of path) {
      if (!walker.enter(segment)) return null
    }
    return lineColumnAt(text, walker.position)
  } catch {
    // Text that is not valid JSON has no places to point at; the caller reports without a position.
    return null
  }
}

/** `elements[3].controls.isHardened`, the form `Location.path` uses. */
export function formatJsonPath(path: JsonPath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return index === 0 ? segment : `.${segment}`
      return `[${JSON.stringify(segment)}]`
    })
    .join('')
}

class JsonWalker {
  position = 0
  /** Start of the last value found under the wanted key. */
  private lastFound = 0

  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    while (' \t\r\n'.includes(this.text.charAt(this.position)) && this.position < this.text.length) this.position += 1
  }

  /** Moves to the value of `segment` inside the current value; false when it has no such member. */
  enter(segment: string | number): boolean {
    const opening = this.text.charAt(this.position)
    if (typeof segment === 'number' && opening === '[') return this.enterItem(segment)
    if (typeof segment === 'string' && opening === '{') return this.enterMember(segment)
    return false
  }

  private enterItem(wanted: number): boolean {
    this.position += 1
    this.skipWhitespace()
    if (this.text.charAt(this.position) === ']') return false
    for (let index = 0; ; index += 1) {
      this.skipWhitespace()
      if (index === wanted) return true
      this.skipValue()
      this.skipWhitespace()
      if (this.text.charAt(this.position) !== ',') return false
      this.position += 1
    }
  }

  private enterMember(wanted: string): boolean {
    this.position += 1
    let found = false
    for (;;) {
      this.skipWhitespace()
      if (this.text.charAt(this.position) !== '"') return found
      const key = this.readString()
      this.skipWhitespace()
      this.position += 1 // ':'
      this.skipWhitespace()
      // JSON.parse keeps the last of repeated keys, so the place to point at is the last one too.
      const valueStart = this.position
      if (key === wanted) found = true
      this.skipValue()
      if (key === wanted) this.lastFound = valueStart
      this.skipWhitespace()
      if (this.text.charAt(this.position) !== ',') break
      this.position += 1
    }
    if (found) this.position = this.lastFound
    return found
  }

  private readString(): string {
    const start = this.position
    this.skipString()
    return JSON.parse(this.text.slice(start, this.position)) as string
  }

  private skipString(): void {
    this.position += 1
    while (this.position < this.text.length) {
      const character = this.text.charAt(this.position)
      if (character === '\\') this.position += 2
      else if (character === '"') {
        this.position += 1
        return
      } else this.position += 1
    }
    throw new Error('unterminated string')
  }

  private skipValue(): void {
    const character = this.text.charAt(this.position)
    if (character === '"') return this.skipString()
    if (character === '{' || character === '[') return this.skipContainer()
    while (this.position < this.text.length && !',]} \t\r\n'.includes(this.text.charAt(this.position))) this.position += 1
  }

  /** Skips a whole object or array by counting brackets outside strings (no recursion, so no depth limit). */
  private skipContainer(): void {
    let depth = 0
    while (this.position < this.text.length) {
      const character = this.text.charAt(this.position)
      if (character === '"') {
        this.skipString()
        continue
      }
      if (character === '{' || character === '[') depth += 1
      else if (character === '}' || character === ']') depth -= 1
      this.position += 1
      if (depth === 0) return
    }
    throw new Error('unterminated container')
  }
}
