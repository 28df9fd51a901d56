/**
 * The model's geometry in one import: plane primitives (plane-geometry.ts) and trust-boundary
 * membership and crossings (boundary-geometry.ts). Pure functions on model coordinates.
 */
export {
  pointInRect,
  polylinesIntersect,
  rectArea,
  rectCenter,
  rectContainsRect,
  segmentsIntersect
} from './plane-geometry'
export {
  boundariesContaining,
  boundariesCrossed,
  boundaryMembers,
  boundaryNesting,
  crossesBoundary,
  flowPolyline,
  isBoundaryMember
} from './boundary-geometry'
