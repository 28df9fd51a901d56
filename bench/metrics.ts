/** What every benchmark returns: metric name → value with its unit (the `bench-results.json` contract). */
export interface Metric {
  readonly value: number
  readonly unit: string
}

export type Metrics = Record<string, Metric>

export interface Benchmark {
  readonly name: string
  readonly run: () => Promise<Metrics>
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) throw new Error('median of no samples')
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
