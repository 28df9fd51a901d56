import { KNOWLEDGE_BASE_NS, SCHEMA_NS, escapeText, leaf } from './tm7-xml'

/** The built-in property names TMT writes on every element (tmt-format.md §7). */
export const OUT_OF_SCOPE = '71f3d9aa-b8ef-4e54-8126-607a1d903103'
export const REASON_FOR_OUT_OF_SCOPE = '752473b6-52d4-4776-9a24-202153f7d579'

export interface ListProperty {
  readonly key: string
  readonly label: string
  readonly values: readonly string[]
}

function displayAttribute(kind: string, label: string, key: string, value: string): string {
  return `<a:anyType i:type="b:${kind}" xmlns:b="${KNOWLEDGE_BASE_NS}"><b:DisplayName>${escapeText(label)}</b:DisplayName>${leaf('b:Name', key)}${value}</a:anyType>`
}

export function header(label: string): string {
  return displayAttribute('HeaderDisplayAttribute', label, '', '<b:Value i:nil="true"/>')
}

export function stringProperty(label: string, key: string, value: string): string {
  const body = value === '' ? `<b:Value i:type="c:string" xmlns:c="${SCHEMA_NS}"/>` : `<b:Value i:type="c:string" xmlns:c="${SCHEMA_NS}">${escapeText(value)}</b:Value>`
  return displayAttribute('StringDisplayAttribute', label, key, body)
}

export function booleanProperty(label: string, key: string, value: boolean): string {
  return displayAttribute('BooleanDisplayAttribute', label, key, `<b:Value i:type="c:boolean" xmlns:c="${SCHEMA_NS}">${String(value)}</b:Value>`)
}

/** A Dynamic template attribute: the whole option list plus the selected index (§7). */
export function listProperty(property: ListProperty, selectedIndex: number): string {
  const options = property.values.map((value) => `<a:string>${escapeText(value)}</a:string>`).join('')
  return `${displayAttribute('ListDisplayAttribute', property.label, property.key, `<b:Value i:type="a:ArrayOfstring">${options}</b:Value>`).slice(0, -'</a:anyType>'.length)}<b:SelectedIndex>${selectedIndex}</b:SelectedIndex></a:anyType>`
}

/** What every stencil and flow carries: type header, Name, Out Of Scope and its reason (§7). */
export function commonProperties(typeLabel: string, name: string, outOfScope: boolean): string {
  return (
    header(typeLabel) +
    stringProperty('Name', '', name) +
    booleanProperty('Out Of Scope', OUT_OF_SCOPE, outOfScope) +
    stringProperty('Reason For Out Of Scope', REASON_FOR_OUT_OF_SCOPE, outOfScope ? 'Handled by the platform team.' : '')
  )
}
