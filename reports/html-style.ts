/**
 * The report's only style sheet, inline because the report must open on an air-gapped machine with
 * nothing beside it. Print rules: A4 with margins, each main section on a new page, table headers
 * repeated on every page, rows and drawings never split, placeholders still visible in black and white.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111827; margin: 0; background: #ffffff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 20pt; margin: 0 0 12px; }
h2 { font-size: 15pt; border-bottom: 2px solid #1f2937; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 12pt; margin-top: 20px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #9ca3af; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f4f6; }
table.fields th { width: 14em; }
table.register { font-size: 8.5pt; }
code { font-family: "Courier New", monospace; font-size: 0.95em; overflow-wrap: anywhere; }
.missing { font-style: italic; color: #92400e; background: #fef3c7; padding: 0 3px; border: 1px dashed #92400e; }
.flag { font-weight: bold; color: #991b1b; border: 1px solid #991b1b; padding: 0 3px; }
figure { margin: 12px 0; }
figure svg.diagram { max-width: 100%; height: auto; border: 1px solid #d1d5db; background: #ffffff; }
figcaption { font-size: 9pt; color: #4b5563; }
nav ol { columns: 2; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  nav { display: none; }
  section.major { break-before: page; }
  section.major:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`
