/**
 * The report's sections, in order, with the anchor ids both writers use. The letters are those of
 * ../shared/research/audit-report.md §2, which says what each must hold; the tests look for these titles.
 */
export const SECTIONS = {
  documentControl: { id: 'document-control', title: 'Document control' },
  changeHistory: { id: 'change-history', title: 'Change history' },
  signOff: { id: 'review-and-sign-off', title: 'Review and sign-off' },
  executiveSummary: { id: 'executive-summary', title: 'Executive summary' },
  scope: { id: 'scope', title: 'Scope and system description' },
  method: { id: 'method', title: 'Method and risk criteria' },
  assets: { id: 'assets', title: 'Assets and data classification' },
  diagrams: { id: 'diagrams', title: 'Architecture and data-flow diagrams' },
  assumptions: { id: 'assumptions', title: 'Assumptions' },
  threats: { id: 'threat-register', title: 'Threat register' },
  acceptedRisks: { id: 'accepted-risks', title: 'Accepted-risk register' },
  residualRisk: { id: 'residual-risk', title: 'Residual-risk summary' },
  openQuestions: { id: 'open-questions', title: 'Open questions and model messages' },
  integrity: { id: 'integrity', title: 'Integrity' }
} as const
