import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// Non-default layout (src-main/, src-preload/, src-renderer/), so every entry is named here.
// The main build also emits the CLI and the browser-mode server: both run in plain Node (20+),
// hence target node20, which Electron 45's Node 24 runs as well.
export default defineConfig({
  main: {
    build: {
      target: 'node20',
      rolldownOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          'browser-mode': resolve('src-main/browser-mode/main.ts'),
          cli: resolve('cli/main.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rolldownOptions: { input: { index: resolve('src-preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve('src-renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } }
    },
    plugins: [svelte({ configFile: resolve('svelte.config.mjs') })]
  }
})
