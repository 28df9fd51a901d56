/**
 * The Electron entry: wiring only. Every decision lives in a plain module that takes Electron as a
 * parameter and is unit-tested without it (handlers/, ipc/, window/, menu.ts, close-prompt.ts,
 * external-open.ts, electron-dialogs.ts, electron-pdf-printer.ts).
 */
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session } from 'electron'
import { createCloseController } from './close-prompt'
import { createElectronPrompts } from './electron-dialogs'
import { createElectronPdfPrinter } from './electron-pdf-printer'
import { createExternalOpener, fileArgumentsFrom } from './external-open'
import { createCommandHandlers, defaultFormatRegistry } from './handlers/command-handlers'
import { createNodeFiles } from './handlers/node-files'
import { createRecentFilesStore } from './handlers/recent-files'
import { createRecoveryStorage } from './recovery/recovery-storage'
import { createRecoveryStore } from './recovery/recovery-store'
import { registerIpc, sendEvent } from './ipc/register-ipc'
import { isTrustedSender } from './ipc/trusted-sender'
import { applyMenuState, buildMenuTemplate, type MenuCommandId } from './menu'
import type { MenuState } from '../src-shared/ipc-contract'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './window/app-protocol'
import { hardenWebContents } from './window/harden-web-contents'
import { rendererLocation } from './window/renderer-location'
import { mainWindowOptions } from './window/window-options'

function start(): void {
  // A second launch (double-clicking a .tm7) hands its argv to this instance and exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.enableSandbox()
  // Must happen before 'ready': the renderer is served from app://threatwright, not file:// (app-protocol.ts).
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

  const location = rendererLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererIndexPath: join(__dirname, '../renderer/index.html')
  })
  let mainWindow: BrowserWindow | null = null
  let dirty = false
  /** The renderer's last word on which menu items are greyed or checked; null until it speaks. */
  let menuState: MenuState | null = null

  const sendCommand = (commandId: MenuCommandId): void => {
    if (mainWindow !== null) sendEvent(mainWindow.webContents, 'menu:command', { commandId })
  }
  const prompts = createElectronPrompts(dialog, () => mainWindow)
  const closeController = createCloseController({
    isDirty: () => dirty,
    askSaveBeforeClose: () => prompts.askSaveBeforeClose(),
    requestSaveAndClose: () => sendCommand('file.save-and-close'),
    closeWindow: () => mainWindow?.close()
  })
  const recentFiles = createRecentFilesStore({ folder: app.getPath('userData'), onChange: (paths) => installMenu(paths) })
  const files = createNodeFiles()
  const recovery = createRecoveryStore({
    storage: createRecoveryStorage(app.getPath('userData')),
    registry: defaultFormatRegistry,
    files
  })
  const handlers = createCommandHandlers({
    mode: 'electron',
    appVersion: app.getVersion(),
    dialogs: prompts,
    files,
    recentFiles,
    recovery,
    setDirty: (value) => {
      dirty = value
      mainWindow?.setDocumentEdited(value)
    },
    setMenuState: (state) => {
      menuState = state
      const menu = Menu.getApplicationMenu()
      if (menu !== null) applyMenuState(menu, state)
    },
    afterSave: (outcome) => closeController.onSaveFinished(outcome),
    // The options are printWindowOptions() (sandboxed, no JavaScript, its own session): electron-pdf-printer.ts.
    printPdf: createElectronPdfPrinter({
      printSession: (partition) => session.fromPartition(partition),
      createWindow: (options) => new BrowserWindow(options)
    })
  })
  const opener = createExternalOpener({
    isDirty: () => dirty,
    confirmDiscardChanges: () => prompts.confirmDiscardChanges(),
    openPath: (path) => handlers.openPath(path),
    sendOpened: (outcome) => {
      if (mainWindow !== null) sendEvent(mainWindow.webContents, 'document:opened', outcome)
    }
  })

  function installMenu(recent: readonly string[]): void {
    const template = buildMenuTemplate({
      platform: process.platform,
      recentFiles: recent,
      sendCommand,
      openRecent: (path) => void opener.open(path)
    })
    const menu = Menu.buildFromTemplate(template)
    // A rebuilt menu (Open Recent changed) starts from the template: the last state goes back on.
    if (menuState !== null) applyMenuState(menu, menuState)
    Menu.setApplicationMenu(menu)
  }

  function createMainWindow(): BrowserWindow {
    const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')))
    window.once('ready-to-show', () => window.show())
    window.on('close', (event) => {
      if (closeController.shouldPreventClose()) event.preventDefault()
    })
    window.on('closed', () => {
      mainWindow = null
    })
    window.webContents.on('did-finish-load', () => void opener.markReady())
    // The dev server, or the built files through app:// (never loadFile: file:// shares its origin with the disk).
    void window.loadURL(location.url)
    return window
  }

  // Before any window exists, so no web contents ever runs unhardened.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, contents.session, {
      trustedRendererUrl: location.url,
      devServerUrl: location.kind === 'dev-server' ? location.url : null
    })
  })
  // macOS delivers file associations as events, possibly before 'ready'; the opener queues them.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void opener.open(path)
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow !== null) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    for (const path of fileArgumentsFrom(argv, workingDirectory)) void opener.open(path)
  })
  // One document, one window: with the window gone there is nothing left to offer, on macOS too.
  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(async () => {
    if (location.kind === 'file') {
      protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: location.rootDir, readFile: async (path) => new Uint8Array(await readFile(path)) }))
    }
    registerIpc(ipcMain, handlers, (frameUrl) => isTrustedSender(frameUrl, location.url))
    installMenu(await recentFiles.list())
    mainWindow = createMainWindow()
    for (const path of fileArgumentsFrom(process.argv, process.cwd())) void opener.open(path)
  })
}

start()
