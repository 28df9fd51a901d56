import type { Template } from '../model/template'
import { AWS_ELEMENT_TYPES } from './aws-element-types'
import { AWS_THREAT_TYPES } from './aws-threat-types'
import { CLOUD_THREAT_PROPERTIES, STRIDE_CATEGORIES } from './cloud-template-parts'

/** Our built-in AWS template (threat-generation issue, part 6): AWS services, their security settings, and rules over them. */
export const AWS_TEMPLATE: Template = {
  ref: { id: 'threatwright-aws', name: 'Threatwright AWS', version: '1.0' },
  author: 'Threatwright',
  elementTypes: AWS_ELEMENT_TYPES,
  threatCategories: STRIDE_CATEGORIES,
  threatTypes: AWS_THREAT_TYPES,
  threatProperties: CLOUD_THREAT_PROPERTIES,
  isPriorityUsed: true,
  isStatusUsed: true,
  extensions: {}
}
