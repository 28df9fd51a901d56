import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'

export default defineConfig({
  plugins: [svelte({ configFile: resolve('svelte.config.mjs') })],
  test: {
    restoreMocks: true,
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: { name: 'component', include: ['tests/component/**/*.test.ts'], environment: 'happy-dom' }
      }
    ]
  }
})
