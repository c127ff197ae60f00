import { assertRole } from './aggregate';
import { COMMANDS } from './registry';
import type { RegistryCommandType } from './registry-command';
import type { Actor, Role } from './shared/actor';

/**
 * Which roles may send which command at all, as each aggregate's declaration says. A SKILLS_FOCAL_POINT key is
 * bound to one ASEAN member state and acts for that country only (checked in the skills deciders): its framework
 * and referencing drafts, its qualifications, the occupations its government proposes, its action plan and the
 * plan's progress reports. What another party decides is recorded by the ACCREDITATION_BODY (the registry's
 * operator), never by the country concerned: the endorsement of a referencing (the AQRF Committee's), a social
 * partner's validation of a priority occupation (on the organisation's own statement), and the link of a scheme
 * (the AB's) to a qualification. Finer ownership (a CB acts only on its own certificates, decides recognition only
 * in its own country) is a rule in the deciders, because it needs the aggregate's state. AUDITOR reads everything
 * and writes nothing.
 */
export const PERMISSIONS = Object.fromEntries(Object.entries(COMMANDS).map(([type, { roles }]) => [type, roles])) as Record<
  RegistryCommandType,
  readonly Role[]
>;

export function isPermitted(commandType: RegistryCommandType, role: Role): boolean {
  return PERMISSIONS[commandType].includes(role);
}

/** Throws FORBIDDEN unless the actor's role may send this command; a CB key must name its CB, a focal point's its country. */
export function assertPermitted(command: { type: RegistryCommandType; actor: Actor }): void {
  assertRole(command, PERMISSIONS[command.type]);
}
