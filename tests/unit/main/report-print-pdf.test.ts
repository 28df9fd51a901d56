import { describe, expect, it, vi } from 'vitest'
import type { PdfPrinter } from '../../../node-io/chromium-pdf'
import { CommandRejectedError } from '../../../src-main/handlers/errors'
import { MAX_REPORT_HTML_CHARS } from '../../../src-main/handlers/limits'
import { makeHandlers } from './handler-fakes'

const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), 0, 255, 128, 10, 13])
const HTML = '<!DOCTYPE html><title>Web shop</title>'

describe('report:print-pdf', () => {
  it('hands the HTML to the printer and answers its bytes as base64, byte for byte', async () => {
    const printPdf = vi.fn<PdfPrinter>(async () => ({ kind: 'printed', bytes: PDF }))
    const { handlers } = makeHandlers({ printPdf })
    const outcome = await handlers.dispatch('report:print-pdf', { html: HTML })
    expect(printPdf).toHaveBeenCalledWith(HTML)
    expect(outcome).toEqual({ kind: 'printed', base64: Buffer.from(PDF).toString('base64') })
  })

  it('encodes only the view it was given, not the whole buffer behind it', async () => {
    const backing = new Uint8Array([1, 2, 3, ...PDF, 4, 5])
    const view = backing.subarray(3, 3 + PDF.length)
    const { handlers } = makeHandlers({ printPdf: async () => ({ kind: 'printed', bytes: view }) })
    expect(await handlers.dispatch('report:print-pdf', { html: HTML })).toEqual({ kind: 'printed', base64: Buffer.from(PDF).toString('base64') })
  })

  it("passes on the printer's 'unavailable' and 'failed' answers with their messages", async () => {
    const unavailable = makeHandlers({ printPdf: async () => ({ kind: 'unavailable', message: 'no Chromium found; install Chromium' }) })
    expect(await unavailable.handlers.dispatch('report:print-pdf', { html: HTML })).toEqual({ kind: 'unavailable', message: 'no Chromium found; install Chromium' })
    const failed = makeHandlers({ printPdf: async () => ({ kind: 'failed', message: 'Chromium crashed' }) })
    expect(await failed.handlers.dispatch('report:print-pdf', { html: HTML })).toEqual({ kind: 'failed', message: 'Chromium crashed' })
  })

  it('turns a printer that throws into a failed print, not a rejected request', async () => {
    const { handlers } = makeHandlers({ printPdf: async () => Promise.reject(new Error('render process gone')) })
    expect(await handlers.dispatch('report:print-pdf', { html: HTML })).toEqual({
      kind: 'failed',
      message: 'The PDF could not be printed: render process gone'
    })
  })

  it('answers unavailable, saying what to do instead, when the session has no printer', async () => {
    const { handlers } = makeHandlers()
    const outcome = await handlers.dispatch('report:print-pdf', { html: HTML })
    expect(outcome).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/HTML report and print it to PDF/) })
  })

  it('refuses malformed payloads before the printer sees them', async () => {
    const printPdf = vi.fn<PdfPrinter>()
    const { handlers } = makeHandlers({ printPdf })
    for (const payload of [null, 'html', {}, { html: 42 }, { html: '   ' }, { html: 'a\0b' }, { html: HTML, path: '/etc/passwd' }]) {
      await expect(handlers.dispatch('report:print-pdf', payload)).rejects.toBeInstanceOf(CommandRejectedError)
    }
    await expect(handlers.dispatch('report:print-pdf', { html: 'x'.repeat(MAX_REPORT_HTML_CHARS + 1) })).rejects.toThrow(/longer than/)
    expect(printPdf).not.toHaveBeenCalled()
  })
})
