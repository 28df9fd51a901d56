/**
 * The CLI's exit codes, the contract scripts and CI rely on. Usage errors (1) are mistakes on the command
 * line; input errors (2) are problems with a file: unreadable, malformed, of an unknown or unsupported
 * format, from a newer version, or an output that cannot be written.
 */
export const ExitCode = {
  success: 0,
  usage: 1,
  input: 2
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
