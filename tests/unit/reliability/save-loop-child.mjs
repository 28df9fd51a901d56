/**
 * Saves alternating complete versions of one file in a loop, through node-io/atomic-write.ts, until it is
 * killed. atomic-save-kill.test.ts kills it with SIGKILL at random moments and checks what is left.
 *
 * Usage: node save-loop-child.mjs <atomic-write module (transpiled .mjs)> <target> <versionA> <versionB>
 * Prints "saving" once the loop has started, so the parent kills it mid-save rather than during start-up.
 */
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'

const [modulePath, target, versionA, versionB] = process.argv.slice(2)
const { writeFileAtomic } = await import(pathToFileURL(modulePath).href)
const versions = [await readFile(versionA), await readFile(versionB)]
let next = 1
process.stdout.write('saving\n')
for (;;) {
  await writeFileAtomic(target, versions[next], { backup: true })
  next = 1 - next
}
