/** Where a command writes: injected, so tests capture output and the entry point passes the process streams. */
export interface CliIo {
  /** Results. Each call gets whole lines, newline included. */
  readonly stdout: (text: string) => void
  /** Errors, warnings and usage messages. */
  readonly stderr: (text: string) => void
}

export const PROGRAM_NAME = 'threatwright'

/** `threatwright: <message>` on stderr, the one shape of an error that is not a file diagnostic. */
export function reportError(io: CliIo, message: string): void {
  io.stderr(`${PROGRAM_NAME}: ${message}\n`)
}
