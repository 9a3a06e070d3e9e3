/*
 * The public API of the members module: what other modules of the core may import from it.
 * Anything not listed here is the module's own (see ARCHITECTURE.md, "Boundaries").
 */
export {
  assertJsonSize,
  BIRTHDAY_PATTERN,
  isValidBirthday,
  type Member,
  type NewMemberInput,
  PHONE_PATTERN,
  presentMember,
} from './members.js'
export {
  addMemberActivity,
  findMemberByRef,
  listMemberIdsAfter,
  lockMember,
  lockMemberByRef,
} from './members.repository.js'
export type { MembersService } from './members.service.js'
