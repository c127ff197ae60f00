import type { Actor, Role } from './shared/actor';
import { RuleViolation } from './shared/rule-violation';
import type { RegistryCommandType } from './registry-command';

const AB = 'ACCREDITATION_BODY';
const CB = 'CERTIFICATION_BODY';
const SFP = 'SKILLS_FOCAL_POINT';

/**
 * Which roles may send which command at all. A SKILLS_FOCAL_POINT key is bound to one ASEAN member state and
 * acts for that country only (checked in the skills deciders): its framework and referencing drafts, its
 * qualifications, the occupations its government proposes, its action plan and the plan's progress reports.
 * What another party decides is recorded by the ACCREDITATION_BODY (the registry's operator), never by the
 * country concerned: the endorsement of a referencing (the AQRF Committee's), a social partner's validation of
 * a priority occupation (on the organisation's own statement), and the link of a scheme (the AB's) to a
 * qualification. Finer ownership (a CB acts only on its own certificates, decides
 * recognition only in its own country) is a rule in the deciders, because it needs the aggregate's state.
 * AUDITOR reads everything and writes nothing.
 */
export const PERMISSIONS: Record<RegistryCommandType, readonly Role[]> = {
  RegisterScheme: [AB],

  AccreditCertificationBody: [AB],
  RenewAccreditation: [AB],
  ExtendAccreditationScope: [AB],
  ReduceAccreditationScope: [AB],
  SuspendAccreditation: [AB],
  ReinstateAccreditation: [AB],
  WithdrawAccreditation: [AB],

  IssueCertificate: [CB],
  RenewCertificate: [CB],
  SuspendCertificate: [CB],
  ReinstateCertificate: [CB],
  WithdrawCertificate: [CB],
  CancelCertificate: [CB],

  SignArrangement: [AB],
  AdmitArrangementParty: [AB],
  WithdrawArrangementParty: [AB],
  AmendArrangementScope: [AB],
  SuspendArrangement: [AB],
  ReinstateArrangement: [AB],
  TerminateArrangement: [AB],

  GrantRecognition: [CB],
  RevokeRecognition: [CB],

  CreateApiKey: [AB],
  RevokeApiKey: [AB],

  RegisterWitness: [AB],
  RegisterNationalFramework: [SFP],
  StartAqrfReferencing: [SFP],
  AmendAqrfReferencing: [SFP],
  SubmitAqrfReferencing: [SFP],
  EndorseAqrfReferencing: [AB],
  RegisterNationalQualification: [SFP],
  LinkSchemeToQualification: [AB],
  ProposePriorityOccupation: [SFP],
  ValidatePriorityOccupation: [AB],
  AdoptActionPlan: [SFP],
  AddActionPlanItem: [SFP],
  ReportActionPlanProgress: [SFP],
};

export function isPermitted(commandType: RegistryCommandType, role: Role): boolean {
  return PERMISSIONS[commandType].includes(role);
}

/** Throws FORBIDDEN unless the actor's role may send this command; a CB key must name its CB, a focal point's its country. */
export function assertPermitted(command: { type: RegistryCommandType; actor: Actor }): void {
  const { type, actor } = command;
  if (!isPermitted(type, actor.role)) {
    throw new RuleViolation('ROLE_NOT_PERMITTED', `role ${actor.role} may not ${type}`);
  }
  if (actor.role === CB && !actor.cbId) {
    throw new RuleViolation('ACTOR_NOT_BOUND_TO_CB', 'a CERTIFICATION_BODY key must be bound to a certification body');
  }
  if (actor.role === SFP && !actor.country) {
    throw new RuleViolation('ACTOR_NOT_BOUND_TO_COUNTRY', 'a SKILLS_FOCAL_POINT key must be bound to a country');
  }
}
