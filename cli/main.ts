/**
 * The CLI's entry point, bundled by electron-vite to out/main/cli.js and started by bin/threatwright.js.
 * Everything testable lives in run-cli.ts; this file only connects it to the process.
 */
import { readPackageVersion } from './package-version'
import { runCli } from './run-cli'

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text)
}

// A closed pipe (`threatwright info x | head -1`) is not an error worth a stack trace.
process.stdout.on('error', () => undefined)

async function main(): Promise<void> {
  const version = await readPackageVersion(__dirname)
  // exitCode rather than process.exit(), so buffered output still reaches a pipe.
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: write(process.stdout),
    stderr: write(process.stderr),
    version
  })
}

main().catch((error: unknown) => {
  // runCli never throws; this is the last guard in case reading the version or the streams do.
  process.stderr.write(`threatwright: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 2
})
