import { base64ToBytes } from './base64'

/**
 * Browser mode's "save": the server returns the bytes and the page offers them as a download.
 * The object URL is revoked a moment later, once the browser has started reading it; revoking in the
 * same tick can cancel the download in some browsers.
 */
export function offerDownload(fileName: string, base64: string, documentRef: Document = document): void {
  const bytes = base64ToBytes(base64)
  const blob = new Blob([bytes.buffer as ArrayBuffer], { type: 'application/octet-stream' })
  const url = URL.createObjectURL(blob)
  const link = documentRef.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  documentRef.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
