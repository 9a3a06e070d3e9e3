/*
 * The public API of the segments module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export {
  evaluateSegment,
  parseSegmentCondition,
  type SegmentCondition,
  type SegmentFacts,
  type SegmentResource,
  segmentFactsOf,
  segmentSql,
} from './segments.js'
export { type SegmentsService, segmentMatch } from './segments.service.js'
