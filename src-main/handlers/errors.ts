/**
 * A request the handlers refuse to run: unknown command, malformed payload. It reaches the renderer as a
 * rejected promise (IPC) or a 400 (browser mode); its message is meant for the developer who sent it.
 */
export class CommandRejectedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CommandRejectedError'
  }
}

export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly maxBytes: number
  ) {
    super(`${path} is larger than ${maxBytes} bytes`)
    this.name = 'FileTooLargeError'
  }
}
