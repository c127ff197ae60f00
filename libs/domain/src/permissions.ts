import type { Actor, Role } from './shared/actor';
import { RuleViolation } from './shared/rule-violation';
import type { RegistryCommandType } from './registry-command';

const AB = 'ACCREDITATION_BODY';
const CB = 'CERTIFICATION_BODY';

/**
 * Which roles may send which command at all. Finer ownership (a CB acts only on its own certificates, decides
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
};

export function isPermitted(commandType: RegistryCommandType, role: Role): boolean {
  return PERMISSIONS[commandType].includes(role);
}

/** Throws FORBIDDEN unless the actor's role may send this command; a CB key must name its CB. */
export function assertPermitted(command: { type: RegistryCommandType; actor: Actor }): void {
  const { type, actor } = command;
  if (!isPermitted(type, actor.role)) {
    throw new RuleViolation('ROLE_NOT_PERMITTED', `role ${actor.role} may not ${type}`);
  }
  if (actor.role === CB && !actor.cbId) {
    throw new RuleViolation('ACTOR_NOT_BOUND_TO_CB', 'a CERTIFICATION_BODY key must be bound to a certification body');
  }
}
