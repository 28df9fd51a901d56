import type { ElementKind, Severity, ThreatState } from '../model/enums'
import type { RatedSeverity } from './report-types'

/** The words a reader sees for canonical values; writers that need ids (JSON, SARIF) keep the values. */
export const STATE_LABELS: Readonly<Record<ThreatState | 'unrecognized', string>> = {
  notStarted: 'Not started',
  needsInvestigation: 'Needs investigation',
  notApplicable: 'Not applicable',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  unrecognized: 'Unrecognised state'
}

export const SEVERITY_LABELS: Readonly<Record<RatedSeverity, string>> = {
  critical: 'Critical',
  high: 'High',
  elevated: 'Elevated',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
  unrated: 'Unrated'
}

/** What each level means; Threagile's scale, which the model's severities follow. */
export const SEVERITY_MEANINGS: Readonly<Record<Severity, string>> = {
  critical: 'Exploitable with severe impact on the business or its customers; fix before release.',
  high: 'Likely to be exploited with serious impact; fix or formally accept before release.',
  elevated: 'Exploitable with notable impact under some conditions; plan a fix.',
  medium: 'Limited likelihood or impact; fix in the normal course of work.',
  low: 'Minor impact or very unlikely; fix when convenient.',
  info: 'No direct risk; recorded for completeness.'
}

export const ELEMENT_KIND_LABELS: Readonly<Record<ElementKind, string>> = {
  process: 'Process',
  externalInteractor: 'External interactor',
  dataStore: 'Data store',
  annotation: 'Annotation'
}

const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  spoofing: 'Spoofing',
  tampering: 'Tampering',
  repudiation: 'Repudiation',
  informationDisclosure: 'Information disclosure',
  denialOfService: 'Denial of service',
  elevationOfPrivilege: 'Elevation of privilege'
}

/** STRIDE names in words; other categories (LINDDUN, a template's own) as the model spells them. */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category
}

/** A state as a reader sees it: the label of a canonical state, else the source's own spelling. */
export function stateLabel(state: string): string {
  return (STATE_LABELS as Readonly<Record<string, string>>)[state] ?? state
}

/** Placeholder printed for facts the model does not record; auditors look for it to chase them. */
export const TO_BE_COMPLETED = 'to be completed'
