import { validateModel } from '../model/validate'
import { median, type Benchmark } from './metrics'
import { largeModel } from './synthetic-model'

/**
 * `model.validate.ms`: validating a large model as it arrives from a file (plain JSON, not yet typed),
 * median of 5 runs after a warm-up. Every native open pays this cost.
 */
export const modelValidate: Benchmark = {
  name: 'model validation',
  async run() {
    const input = JSON.parse(JSON.stringify(largeModel())) as unknown
    const once = (): number => {
      const started = performance.now()
      const result = validateModel(input)
      if (result.model === null) throw new Error('the synthetic model did not validate')
      return performance.now() - started
    }
    once()
    const samples = Array.from({ length: 5 }, once)
    return { 'model.validate.ms': { value: Math.round(median(samples)), unit: 'ms' } }
  }
}
