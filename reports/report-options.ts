/**
 * What a report leaves out (Threat Dragon's report toggles, plus a diagram filter). Every default keeps
 * everything: a report that hides something must be asked to, and then says what it hid (`Omissions`).
 */
export interface ReportOptions {
  readonly includeMitigated: boolean
  readonly includeNotApplicable: boolean
  /** Out-of-scope elements and flows, and the threats against them. */
  readonly includeOutOfScope: boolean
  /** The SVG drawings; the element, flow and boundary inventories stay. */
  readonly includeDiagrams: boolean
  /** Document control, change history, sign-off and the executive summary only. */
  readonly summaryOnly: boolean
  /** Limit the report to one diagram (its items and the threats on it), or null for all. */
  readonly diagramId: string | null
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  includeMitigated: true,
  includeNotApplicable: true,
  includeOutOfScope: true,
  includeDiagrams: true,
  summaryOnly: false,
  diagramId: null
}
