import type { ThreatModel } from '../../../model/model'

/** The small model shared by model and renderer tests lives in tests/small-model.ts. */
export { sampleModel } from '../../small-model'

type Segment = string | number

/** A JSON copy of `model` with the value at `path` replaced, to break one field on purpose. */
export function withValue(model: ThreatModel, path: readonly Segment[], value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(model))
  const { parent, last } = walk(copy, path)
  parent[last] = value
  return copy
}

/** A JSON copy of `model` without the field at `path`. */
export function withoutField(model: ThreatModel, path: readonly Segment[]): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(model))
  const { parent, last } = walk(copy, path)
  delete parent[last]
  return copy
}

function walk(root: unknown, path: readonly Segment[]): { parent: Record<Segment, unknown>; last: Segment } {
  let node = root as Record<Segment, unknown>
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<Segment, unknown>
  const last = path.at(-1)
  if (last === undefined) throw new Error('empty path')
  return { parent: node, last }
}
