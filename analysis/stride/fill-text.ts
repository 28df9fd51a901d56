import type { ThreatText } from '../../model/methodology'

/** Fills `{source}`, `{target}`, `{flow}` and `{element}` with names; other braces are left alone. */
export function fillText(text: ThreatText, names: Partial<Record<'source' | 'target' | 'flow' | 'element', string>>): ThreatText {
  const fill = (template: string): string =>
    template.replace(/\{(source|target|flow|element)\}/g, (placeholder, key: keyof typeof names) => names[key] ?? placeholder)
  return { title: fill(text.title), description: fill(text.description) }
}
