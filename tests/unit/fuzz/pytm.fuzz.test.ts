import { describe } from 'vitest'
import { fuzzReaderInVitest } from './fuzz-suite'

describe('fuzzing the pytm JSON reader through readModelFile', () => {
  fuzzReaderInVitest('pytm', 500, 400_000)
})
