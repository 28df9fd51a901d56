/**
 * `report:print-pdf`: the page renders the report (the reports layer is pure), main prints it. The printer
 * is a port (ports.ts) so the handler runs in plain Node; its outcome goes back as base64, the way a
 * browser-mode save's bytes do, since browser mode carries the contract as JSON.
 */
import { failedPrint, type PdfPrinter } from '../../node-io/chromium-pdf'
import type { PdfPrintOutcome } from '../../src-shared/ipc-contract'

const NO_PRINTER = 'PDF printing is not available in this session; export the HTML report and print it to PDF from a browser.'

export async function printReportPdf(printPdf: PdfPrinter | undefined, html: string): Promise<PdfPrintOutcome> {
  if (printPdf === undefined) return { kind: 'unavailable', message: NO_PRINTER }
  try {
    const outcome = await printPdf(html)
    if (outcome.kind !== 'printed') return outcome
    return { kind: 'printed', base64: Buffer.from(outcome.bytes.buffer, outcome.bytes.byteOffset, outcome.bytes.byteLength).toString('base64') }
  } catch (error) {
    // A printer that throws (a crashed print window, a temp folder that cannot be made) is a failed print,
    // told to the user, not a rejected request.
    return failedPrint(error)
  }
}
