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
    processed: Type.Union([Type.Integer(), Type.Null()], {
      description: 'What the run changed (points moved, members re-tiered…), once done',
    }),
    progress: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Items examined so far, for long runs that report it',
    }),
    error: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'JobRun' },
)
