import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// V8 exposes gc() only to contexts created after the flag is set, hence the fresh context.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * A full collection before a timed step, so the step pays for the garbage it makes and not for what
 * the step before it left: with two steps alternating (tm7 parse and import), collections of one
 * step's 200 MB of trees otherwise fall into the other's time, moving the 1.25x ratio by ±0.1.
 */
export function collectGarbage(): void {
  gc()
}
