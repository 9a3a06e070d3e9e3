import { MAX_ADVISOR_CAPACITY } from '@loyalbase/core'
import { Type } from 'typebox'
import { ZPageQuery, ZTimestamp } from './common.js'

const closed = { additionalProperties: false }

const terms = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  contact: Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'How members reach the advisor: a phone number, a WeChat id, an email…',
  }),
  capacity: Type.Integer({
    minimum: 0,
    maximum: MAX_ADVISOR_CAPACITY,
    description: 'The most members the advisor serves',
  }),
  active: Type.Boolean({
    description: 'An inactive advisor takes no new members and keeps those it has',
  }),
}

export const ZAdvisor = Type.Object(
  {
    id: Type.String({ description: '`adv_…`' }),
    name: terms.name,
    contact: terms.contact,
    capacity: terms.capacity,
    load: Type.Integer({ minimum: 0, description: 'Members the advisor serves now' }),
    active: terms.active,
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  },
  { $id: 'Advisor' },
)

export const ZAdvisorCreate = Type.Object(
  {
    name: terms.name,
    contact: terms.contact,
    capacity: terms.capacity,
    active: Type.Optional(Type.Boolean({ default: true })),
  },
  closed,
)

export const ZAdvisorPatch = Type.Object(
  {
    name: Type.Optional(terms.name),
    contact: Type.Optional(terms.contact),
    capacity: Type.Optional(terms.capacity),
    active: Type.Optional(terms.active),
  },
  closed,
)

export const ZAdvisorParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, description: '`adv_…`' }),
})

export const ZAdvisorQuery = Type.Object({
  active: Type.Optional(Type.Boolean()),
  ...ZPageQuery,
})

export const ZAdvisorContact = Type.Object(
  { id: Type.String({ description: '`adv_…`' }), name: terms.name, contact: terms.contact },
  { $id: 'AdvisorContact' },
)

export const ZAdvisorMember = Type.Object({
  id: Type.String({ description: '`mem_…`' }),
  external_id: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  tier: Type.String({ description: 'The member’s tier key' }),
  assigned_at: ZTimestamp,
})
