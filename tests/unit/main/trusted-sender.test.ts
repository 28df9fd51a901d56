import { describe, expect, it } from 'vitest'
import { isTrustedSender } from '../../../src-main/ipc/trusted-sender'

const APP = 'app://threatwright/index.html'
const DEV = 'http://localhost:5173/'

describe('isTrustedSender', () => {
  it('trusts the app page itself, with or without an in-page fragment', () => {
    expect(isTrustedSender(APP, APP)).toBe(true)
    expect(isTrustedSender(`${APP}#/threats`, APP)).toBe(true)
    expect(isTrustedSender(DEV, DEV)).toBe(true)
    expect(isTrustedSender('http://localhost:5173', DEV)).toBe(true)
  })

  it('refuses pages that are not the app page (the inverted guard must fail here)', () => {
    expect(isTrustedSender('https://evil.example/', APP)).toBe(false)
    expect(isTrustedSender('file:///tmp/evil.html', APP)).toBe(false)
    expect(isTrustedSender('app://threatwright/other.html', APP)).toBe(false)
    // The built files' old file:// URL is no longer the app page: the renderer is served over app:// only.
    expect(isTrustedSender('file:///app/out/renderer/index.html', APP)).toBe(false)
    expect(isTrustedSender('app://other/index.html', APP)).toBe(false)
    expect(isTrustedSender('http://localhost:5174/', DEV)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', DEV)).toBe(false)
    expect(isTrustedSender('about:blank', APP)).toBe(false)
  })

  it('refuses URLs that merely start with or contain the trusted URL', () => {
    expect(isTrustedSender(`${APP}.evil`, APP)).toBe(false)
    expect(isTrustedSender(`${APP}/../../../tmp/evil.html`, APP)).toBe(false)
    expect(isTrustedSender(`file:///tmp/evil.html?${APP}`, APP)).toBe(false)
    expect(isTrustedSender(`file:///tmp/evil.html#${APP}`, APP)).toBe(false)
    expect(isTrustedSender(`${APP}?injected=1`, APP)).toBe(false)
    expect(isTrustedSender('http://localhost:5173.evil.example/', DEV)).toBe(false)
    expect(isTrustedSender('http://user:pass@localhost:5173/', DEV)).toBe(false)
  })

  it('refuses missing and malformed URLs', () => {
    expect(isTrustedSender(undefined, APP)).toBe(false)
    expect(isTrustedSender(null, APP)).toBe(false)
    expect(isTrustedSender('', APP)).toBe(false)
    expect(isTrustedSender('not a url', APP)).toBe(false)
    expect(isTrustedSender(APP, 'not a url')).toBe(false)
  })
})
