import { describe } from 'vitest'
import { fuzzReaderInVitest } from './fuzz-suite'

// The smallest corpus models only: each read of a ~0.5 MB .tm7 costs ~50 ms, and a minute is the budget.
describe('fuzzing the .tm7 reader through readModelFile', () => {
  fuzzReaderInVitest('tm7', 250, 520_000)
})
