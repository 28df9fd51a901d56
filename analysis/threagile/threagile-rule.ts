import type { ThreagileRisk } from './threagile-risk'
import type { ThreagileView } from './threagile-view'

/** A built-in rule's category facts (threagile-rules.md §1) and its generator. */
export interface ThreagileRule {
  readonly id: string
  readonly title: string
  readonly stride: 'spoofing' | 'tampering' | 'repudiation' | 'information-disclosure' | 'denial-of-service' | 'elevation-of-privilege'
  readonly function: 'business-side' | 'architecture' | 'development' | 'operations'
  readonly cwe: number
  /** "Potential model failure" rules signal a modelling gap rather than a vulnerability. */
  readonly modelFailurePossibleReason: boolean
  readonly generate: (view: ThreagileView) => ThreagileRisk[]
}
