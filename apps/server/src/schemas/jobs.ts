import { Type } from 'typebox'
import { ZTimestamp } from './common.js'

export const ZJobRun = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]),
    as_of: ZTimestamp,
    started_at: ZTimestamp,
    finished_at: Type.Union([ZTimestamp, Type.Null()]),
    processed: Type.Union([Type.Integer(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'JobRun' },
)
