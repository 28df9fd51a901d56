import { describe } from 'vitest'
import { fuzzReaderInVitest } from './fuzz-suite'

describe('fuzzing the Threagile YAML reader through readModelFile', () => {
  fuzzReaderInVitest('threagile', 600, 100_000)
})
