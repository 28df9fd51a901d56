/**
 * Fills `{source.Name}`, `{target.Name}` and `{flow.Name}` in a threat type's text. TMT matches the
 * placeholders case-insensitively (`{source.name}` and `{Target.Name}` occur; tmt-format.md §8).
 * Unknown placeholders are left as written.
 */
export function fillThreatText(template: string, names: { source: string; target: string; flow: string }): string {
  return template.replace(/\{(source|target|flow)\.name\}/gi, (_, subject: string) => {
    const key = subject.toLowerCase() as keyof typeof names
    return names[key]
  })
}
