import { describe, expect, it } from 'vitest'
import { rendererLocation } from '../../../src-main/window/renderer-location'

const index = '/app/out/renderer/index.html'

describe('rendererLocation', () => {
  it('loads the built files over app://, never file://, serving them from their folder', () => {
    expect(rendererLocation({ isPackaged: true, devServerUrl: undefined, rendererIndexPath: index })).toEqual({
      kind: 'file',
      path: index,
      rootDir: '/app/out/renderer',
      url: 'app://threatwright/index.html'
    })
  })

  it('uses the loopback dev server in an unpackaged app', () => {
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererIndexPath: index })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/'
    })
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app and for non-loopback hosts', () => {
    expect(rendererLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173', rendererIndexPath: index }).kind).toBe('file')
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'https://evil.example/', rendererIndexPath: index }).kind).toBe('file')
    expect(rendererLocation({ isPackaged: false, devServerUrl: 'file:///tmp/x.html', rendererIndexPath: index }).kind).toBe('file')
  })
})
