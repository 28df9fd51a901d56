import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window. webPreferences are the hardened set (Electron's security checklist): the renderer is
 * sandboxed and sees only what the preload exposes through contextBridge.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    title: 'Threatwright',
    // Shown on 'ready-to-show', so the user never sees an empty white window.
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The spellchecker may download dictionaries; this machine is air-gapped and models are not prose.
      spellcheck: false,
      // Dropping a file must open it through our handlers, not navigate the window to file://.
      navigateOnDragDrop: false
    }
  }
}
