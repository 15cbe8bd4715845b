// Response contracts of the people and places the hub knows: the signed-in user with their roles, a unit
// of the directory (dated: when it came into and went out of force, whom it passed its work to), a person.

import { z } from 'zod'
import { unitKinds } from '../vocabulary'

/** One role of a user, held in one unit ("office" of the city committee, "head" of a district…). */
export const roleSchema = z.object({ role: z.string(), unitId: z.string() })

/** The signed-in user (GET /api/auth/me, the login's answer). */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  position: z.string(),
  unitId: z.string().nullable(),
  locale: z.string(),
  roles: z.array(roleSchema),
})

/** A unit as it appears inside another answer (a unit page's parent, children, successors). */
export const unitBriefSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  typeLabel: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.string().nullable(),
  aliases: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
})

/** A unit of the directory as GET /api/units lists it: dated, with whom it passed its work to and took it from. */
export const unitSchema = unitBriefSchema.extend({
  successorIds: z.array(z.string()),
  predecessorIds: z.array(z.string()),
})

/** A person as a unit page lists them. */
export const personBriefSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string(),
  phone: z.string().nullable(),
})

/** A duty shift: who is on duty, from when to when, on which phone. */
export const dutyShiftSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  phone: z.string().nullable(),
  name: z.string(),
  position: z.string(),
})

/** A unit linked to another through a reorganisation, with the share of the work it took. */
const linkedUnitSchema = unitBriefSchema.extend({ share: z.string() })

/** GET /api/units/{id}: a unit's page: head, people, hotlines, who is on duty, sub-units, succession. */
export const unitDetailSchema = unitBriefSchema.extend({
  parent: unitBriefSchema.nullable(),
  head: personBriefSchema.nullable(),
  people: z.array(personBriefSchema),
  hotlines: z.array(z.object({ label: z.string(), phone: z.string() })),
  onDuty: z.array(dutyShiftSchema),
  roster: z.array(dutyShiftSchema),
  children: z.array(unitBriefSchema),
  successorIds: z.array(z.string()),
  successors: z.array(linkedUnitSchema),
  predecessors: z.array(linkedUnitSchema),
  /** Who receives for it now, when it is no longer in force. */
  receivers: z.array(unitBriefSchema),
  /** Today in Vietnam (YYYY-MM-DD), the day its tree was read on. */
  today: z.string(),
})

/** A person of the directory (GET /api/people), with the account they sign in with, if any. */
export const personSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string(),
  unitId: z.string().nullable(),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
})
