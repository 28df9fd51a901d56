import { describe } from 'vitest'
import { fuzzReaderInVitest } from './fuzz-suite'

describe('fuzzing the native .twm reader through readModelFile', () => {
  fuzzReaderInVitest('native', 600, 400_000)
})
