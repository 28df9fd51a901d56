/**
 * Which Threagile dialect a file is written in, by content (threagile-schema.md §9); `threagile_version`
 * is "1.0.0" in both, so it cannot tell. The renamed enum spellings decide first (`end-user-…` is HEAD,
 * `enduser-…` is v1), then the section names (includes / custom_risk_categories are HEAD,
 * individual_risk_categories is v1; HEAD's own example still uses the v1 name), then HEAD-only fields
 * (contributors, application_description, author.contact, a technologies list, inter-process-communication).
 * Anything else is v1, the released dialect.
 */
export function threagileDialect(text: string, root: Record<string, unknown>): 'v1' | 'head' {
  if (/\bend-user-identity-propagation\b|\bdata-with-end-user-individual-key\b/.test(text)) return 'head'
  if (/\benduser-identity-propagation\b|\bdata-with-enduser-individual-key\b/.test(text)) return 'v1'
  if ('includes' in root || 'custom_risk_categories' in root) return 'head'
  if ('individual_risk_categories' in root) return 'v1'
  const author = root.author
  const hasContact = typeof author === 'object' && author !== null && 'contact' in author
  if ('contributors' in root || 'application_description' in root || hasContact) return 'head'
  // [ \t], not \s: with /m, `^\s+` also eats newlines, so every blank line restarts a scan over all the
  // following ones (quadratic: 400,000 blank lines took minutes; found by fuzzing,
  // tests/fixtures/fuzz/threagile-blank-lines-quadratic-dialect-regex.yaml).
  if (/\binter-process-communication\b|^[ \t]+technologies[ \t]*:/m.test(text)) return 'head'
  return 'v1'
}
