// The preload runs in the sandbox (CommonJS, only `electron` may be required); electron-vite bundles
// the contract into it. It exposes exactly one global: window.threatwright.
import { contextBridge, ipcRenderer } from 'electron'
import { createThreatwrightApi } from './threatwright-api'

contextBridge.exposeInMainWorld('threatwright', createThreatwrightApi(ipcRenderer))
