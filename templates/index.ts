import type { Template } from '../model/template'
import { AWS_TEMPLATE } from './aws'
import { AZURE_TEMPLATE } from './azure'

/** The cloud templates Threatwright ships, in the order menus list them. */
export const builtInTemplates: readonly Template[] = [AZURE_TEMPLATE, AWS_TEMPLATE]

/** The built-in template with this id (`threatwright-azure`, `threatwright-aws`), or undefined. */
export function findBuiltInTemplate(id: string): Template | undefined {
  return builtInTemplates.find((template) => template.ref.id === id)
}
