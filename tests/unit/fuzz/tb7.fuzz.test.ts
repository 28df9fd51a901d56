import { describe } from 'vitest'
import { fuzzReaderInVitest } from './fuzz-suite'

describe('fuzzing .tb7 templates through readModelFile and the template reader', () => {
  fuzzReaderInVitest('tb7', 300, 400_000)
})
