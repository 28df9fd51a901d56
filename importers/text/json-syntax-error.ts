/**
 * Where JSON text first goes wrong, and why, in words a reviewer understands. `JSON.parse` says only
 * "Unexpected token" and the wording and whether it has a position differ between V8 versions, so the
 * place is found by this small scanner instead (RFC 8259 grammar; it validates, it builds nothing).
 */
export interface JsonSyntaxError {
  /** UTF-16 offset into the text. */
  readonly offset: number
  readonly problem: string
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new JsonScanner(text)
  try {
    scanner.skipWhitespace()
    scanner.value()
    scanner.skipWhitespace()
    if (scanner.position < text.length) scanner.fail('unexpected text after the end of the JSON value')
    return null
  } catch (error) {
    if (error instanceof JsonScanFailure) return { offset: error.offset, problem: error.problem }
    throw error
  }
}

class JsonScanFailure extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string
  ) {
    super(problem)
  }
}

const LITERALS = ['true', 'false', 'null'] as const
/** Far beyond any real model, and far below what would overflow the stack (three frames per level). */
const MAX_DEPTH = 512
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

class JsonScanner {
  position = 0
  // Nesting is bounded so a hostile file of a million '[' cannot overflow the stack.
  private depth = 0

  constructor(private readonly text: string) {}

  fail(problem: string, offset = this.position): never {
    throw new JsonScanFailure(offset, problem)
  }

  skipWhitespace(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.position))) this.position += 1
  }

  value(): void {
    const character = this.text.charAt(this.position)
    if (character === '') this.fail('the file ends where a value was expected')
    if (character === '{') return this.object()
    if (character === '[') return this.array()
    if (character === '"') return this.string()
    if (character === '-' || (character >= '0' && character <= '9')) return this.number()
    for (const literal of LITERALS) {
      if (this.text.startsWith(literal, this.position)) {
        this.position += literal.length
        return
      }
    }
    this.fail(`unexpected ${describe(character)} where a value was expected`)
  }

  private nested(scan: () => void): void {
    this.depth += 1
    if (this.depth > MAX_DEPTH) this.fail(`values are nested more than ${MAX_DEPTH} levels deep`)
    scan()
    this.depth -= 1
  }

  private object(): void {
    this.nested(() => {
      this.position += 1
      this.skipWhitespace()
      if (this.text.charAt(this.position) === '}') {
        this.position += 1
        return
      }
      for (;;) {
        this.skipWhitespace()
        if (this.text.charAt(this.position) !== '"') {
          this.fail(`expected a property name in double quotes, found ${this.found()}`)
        }
        this.string()
        this.skipWhitespace()
        if (this.text.charAt(this.position) !== ':') this.fail(`expected ':' after the property name, found ${this.found()}`)
        this.position += 1
        this.skipWhitespace()
        this.value()
        this.skipWhitespace()
        const next = this.text.charAt(this.position)
        this.position += 1
        if (next === '}') return
        if (next !== ',') this.fail(`expected ',' or '}' after a property value, found ${this.found(-1)}`, this.position - 1)
      }
    })
  }

  private array(): void {
    this.nested(() => {
      this.position += 1
      this.skipWhitespace()
      if (this.text.charAt(this.position) === ']') {
        this.position += 1
        return
      }
      for (;;) {
        this.skipWhitespace()
        this.value()
        this.skipWhitespace()
        const next = this.text.charAt(this.position)
        this.position += 1
        if (next === ']') return
        if (next !== ',') this.fail(`expected ',' or ']' after an array item, found ${this.found(-1)}`, this.position - 1)
      }
    })
  }

  private string(): void {
    const start = this.position
    this.position += 1
    for (;;) {
      const character = this.text.charAt(this.position)
      if (character === '') this.fail('a string is not closed before the end of the file', start)
      if (character === '"') {
        this.position += 1
        return
      }
      if (character === '\\') {
        const escape = this.text.charAt(this.position + 1)
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) {
            this.fail('invalid \\u escape in a string: expected four hex digits')
          }
          this.position += 6
        } else if ('"\\/bfnrt'.includes(escape) && escape !== '') {
          this.position += 2
        } else {
          this.fail(`invalid escape '\\${escape}' in a string`)
        }
        continue
      }
      if (character.charCodeAt(0) < 0x20) this.fail('a control character (such as a line break) inside a string')
      this.position += 1
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.position
    const match = NUMBER.exec(this.text)
    if (match === null) this.fail('invalid number')
    this.position += match[0].length
  }

  private found(shift = 0): string {
    return describe(this.text.charAt(this.position + shift))
  }
}

function describe(character: string): string {
  if (character === '') return 'the end of the file'
  if (character === '\n' || character === '\r') return 'a line break'
  return `'${character}'`
}
