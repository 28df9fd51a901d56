import type { Template } from '../model/template'
import { AZURE_ELEMENT_TYPES } from './azure-element-types'
import { AZURE_THREAT_TYPES } from './azure-threat-types'
import { CLOUD_THREAT_PROPERTIES, STRIDE_CATEGORIES } from './cloud-template-parts'

/** Our built-in Azure template (threat-generation issue, part 6): Azure services, their security settings, and rules over them. */
export const AZURE_TEMPLATE: Template = {
  ref: { id: 'threatwright-azure', name: 'Threatwright Azure', version: '1.0' },
  author: 'Threatwright',
  elementTypes: AZURE_ELEMENT_TYPES,
  threatCategories: STRIDE_CATEGORIES,
  threatTypes: AZURE_THREAT_TYPES,
  threatProperties: CLOUD_THREAT_PROPERTIES,
  isPriorityUsed: true,
  isStatusUsed: true,
  extensions: {}
}
