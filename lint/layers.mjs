/**
 * The layering allow-map, as data (VS Code's layer checks, Excalidraw's package rules).
 * Each top-level folder is a layer. `layers` are the folders it may import from, `typeOnlyLayers`
 * those it may import types from (`import type`, erased at build), `packages` the npm packages it may
 * use ('*' = any), `node` whether Node built-ins are allowed, `electron` whether Electron is.
 * Anything not listed is an error. A folder missing from this map is an error too, so a new folder
 * must declare its place here.
 */
export const layers = {
  model: { layers: [], packages: [], node: false, electron: false },
  // What each source format's words mean (pytm's classes, defaults, enums): pure data that readers and
  // engines of one format share, so neither has to copy the other's tables.
  vocabularies: { layers: ['model'], packages: [], node: false, electron: false },
  analysis: { layers: ['model', 'vocabularies'], packages: [], node: false, electron: false },
  importers: { layers: ['model', 'vocabularies'], packages: ['js-yaml', 'xml2js'], node: false, electron: false },
  templates: { layers: ['model'], packages: [], node: false, electron: false },
  reports: { layers: ['model', 'analysis'], packages: [], node: false, electron: false },
  samples: { layers: ['model'], packages: [], node: false, electron: false },
  'src-shared': { layers: [], typeOnlyLayers: ['model', 'importers'], packages: [], node: false, electron: false },
  'src-renderer': {
    layers: ['model', 'analysis', 'reports', 'src-shared', 'templates', 'samples'],
    packages: ['svelte', 'cytoscape'],
    node: false,
    electron: false
  },
  'src-preload': { layers: ['src-shared'], typeOnlyLayers: ['model'], packages: [], node: false, electron: true },
  'src-main': {
    layers: ['model', 'analysis', 'reports', 'importers', 'templates', 'samples', 'src-shared', 'node-io'],
    packages: [],
    node: true,
    electron: true
  },
  'node-io': { layers: [], packages: [], node: true, electron: false },
  cli: {
    layers: ['model', 'analysis', 'reports', 'importers', 'templates', 'samples', 'node-io'],
    packages: [],
    node: true,
    electron: false
  },
  bench: { layers: '*', packages: '*', node: true, electron: false },
  scripts: { layers: '*', packages: '*', node: true, electron: false },
  tests: { layers: '*', packages: '*', node: true, electron: false },
  e2e: { layers: '*', packages: '*', node: true, electron: true },
  bin: { layers: '*', packages: '*', node: true, electron: false },
  lint: { layers: '*', packages: '*', node: true, electron: false },
  '.': { layers: '*', packages: '*', node: true, electron: true }
}
