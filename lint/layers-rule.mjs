import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'
import { layers } from './layers.mjs'

const repoRoot = resolve(import.meta.dirname, '..')
const nodeBuiltins = new Set(builtinModules)

/** The layer of a file: its top-level folder, or '.' for files at the repository root. */
function layerOf(absolutePath) {
  const parts = relative(repoRoot, absolutePath).split(sep)
  return parts.length === 1 ? '.' : parts[0]
}

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function allows(list, name) {
  return list === '*' || (list ?? []).includes(name)
}

/** Why an import is refused, or null when the allow-map permits it. */
export function refusal(fromFile, specifier, typeOnly) {
  const fromLayer = layerOf(fromFile)
  const rules = layers[fromLayer]
  if (!rules) return `folder '${fromLayer}' is not in lint/layers.mjs; declare its layer there`
  if (specifier.startsWith('.')) {
    const target = layerOf(resolve(dirname(fromFile), specifier))
    if (target === fromLayer) return null
    if (allows(rules.layers, target)) return null
    if (typeOnly && allows(rules.typeOnlyLayers, target)) return null
    return `layer '${fromLayer}' may not import from '${target}'${allows(rules.typeOnlyLayers, target) ? ' except with `import type`' : ''}`
  }
  const name = packageName(specifier)
  if (name === 'electron') return rules.electron ? null : `layer '${fromLayer}' may not import Electron`
  if (specifier.startsWith('node:') || nodeBuiltins.has(name)) {
    return rules.node ? null : `layer '${fromLayer}' may not import Node built-in '${specifier}'`
  }
  if (typeOnly) return null
  return allows(rules.packages, name) ? null : `layer '${fromLayer}' may not import package '${name}'`
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering allow-map in lint/layers.mjs' },
    schema: []
  },
  create(context) {
    const file = context.filename
    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string') return
      const reason = refusal(file, specifier, typeOnly)
      if (reason) context.report({ node, message: `${reason} ('${specifier}')` })
    }
    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((item) => item.importKind === 'type'))
        check(node, node.source.value, typeOnly)
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type')
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type')
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false)
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value, false)
        }
      }
    }
  }
}
