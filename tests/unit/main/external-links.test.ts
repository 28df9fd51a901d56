import { describe, expect, it } from 'vitest'
import { createExternalLinkOpener, normaliseExternalUrl } from '../../../src-main/external-links'

function opener(answer: boolean) {
  const shown: string[] = []
  const opened: string[] = []
  const open = createExternalLinkOpener({
    confirmOpen: async (url) => {
      shown.push(url)
      return answer
    },
    openExternal: async (url) => {
      opened.push(url)
    }
  })
  return { open, shown, opened }
}

describe('opening links outside the app', () => {
  it('opens a web link only after the user confirmed the exact URL that is opened', async () => {
    const { open, shown, opened } = opener(true)
    expect(await open('https://cwe.mitre.org/data/definitions/79.html')).toBe('opened')
    expect(shown).toEqual(['https://cwe.mitre.org/data/definitions/79.html'])
    expect(opened).toEqual(shown)
  })

  it('opens nothing when the user declines', async () => {
    const { open, shown, opened } = opener(false)
    expect(await open('https://capec.mitre.org/')).toBe('declined')
    expect(shown).toHaveLength(1)
    expect(opened).toEqual([])
  })

  it('refuses, without asking, anything that is not a plain web or mail link', async () => {
    const { open, shown, opened } = opener(true)
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker.example/share/x.lnk',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'https://trusted.example@evil.example/',
      'https://user:pw@evil.example/',
      'https://evil.example/\u0000.html',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`
    ]) {
      expect(await open(url), url).toBe('refused')
    }
    expect(shown).toEqual([])
    expect(opened).toEqual([])
  })

  it('shows look-alike hosts as the browser will resolve them (punycode)', () => {
    expect(normaliseExternalUrl('https://аpple.com/')).toBe('https://xn--pple-43d.com/')
    expect(normaliseExternalUrl('mailto:security@example.com')).toBe('mailto:security@example.com')
  })
})
