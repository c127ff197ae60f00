import { arrangementSchemesAt, arrangementStatusAt, everParties, isPartyAt } from '../arrangements/standing';
import { certificateStatusAt, type CertificateStatus } from '../certificates/standing';
import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import { accreditationStatusAt } from '../certification-bodies/standing';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';
import { requireCountry, requireDate, requireEndAfterStart, requireNotBackdated, requireText } from '../shared/checks';
import { unreachable, type Decider } from '../shared/decider';
import type { RuleCode } from '../shared/rule-codes';
import { RuleViolation } from '../shared/rule-violation';
import type { ApplyForRecognition, DecisionFacts, GrantRecognition, RecognitionCommand, RefuseRecognition, RevokeRecognition } from './commands';
import type { RecognitionEvent } from './events';
import { REFUSAL_REASONS, isRefusalReason } from './refusal-reasons';

/** The pending application, if any: at most one per certificate and country at a time. */
type PendingApplication = { applicationId: string; arrangementId: string; appliedOn: CalendarDate };

export type RecognitionState = {
  decision: { status: 'Undecided' } | { status: 'Granted'; arrangementId: string } | { status: 'Revoked' } | { status: 'Refused' };
  pending: PendingApplication | null;
  /** The date of the last application or decision on the pair: a later one may not be dated before it. */
  lastDatedOn: CalendarDate | null;
  /** How many applications were filed, to number the next one. */
  applications: number;
};

const initialState = (): RecognitionState => ({ decision: { status: 'Undecided' }, pending: null, lastDatedOn: null, applications: 0 });

function evolve(state: RecognitionState, event: RecognitionEvent): RecognitionState {
  switch (event.type) {
    case 'RecognitionApplied': {
      const { applicationId, arrangementId, appliedOn } = event.data;
      return { ...state, pending: { applicationId, arrangementId, appliedOn }, lastDatedOn: appliedOn, applications: state.applications + 1 };
    }
    case 'RecognitionGranted':
      return { ...state, decision: { status: 'Granted', arrangementId: event.data.arrangementId }, pending: null, lastDatedOn: event.data.decidedOn };
    case 'RecognitionRefused':
      return { ...state, decision: { status: 'Refused' }, pending: null, lastDatedOn: event.data.decidedOn };
    case 'RecognitionRevoked':
      return { ...state, decision: { status: 'Revoked' }, lastDatedOn: event.data.decidedOn };
    default:
      return unreachable(event);
  }
}

type Decision = {
  certificateNumber: string;
  country: string;
  decidedOn: CalendarDate;
  certificate: CertificateTimeline;
  issuingBody: CertificationBodyTimeline;
  hostBody: CertificationBodyTimeline;
};

/**
 * What both decisions share: a decision is taken by a CB of the host country, about an existing certificate
 * of a CB from another country, and dated no earlier than the last decision on the pair.
 */
function decision(
  data: { certificateNumber: string; country: string; decidedOn: CalendarDate },
  actor: Actor,
  facts: DecisionFacts,
  state: RecognitionState,
): Decision {
  const certificateNumber = requireText(data.certificateNumber, 'certificateNumber');
  const country = requireCountry(data.country, 'country');
  const decidedOn = requireDate(data.decidedOn, 'decidedOn');
  const { hostBody, certificate, issuingBody } = facts;
  if (hostBody === null || (actor.role === 'CERTIFICATION_BODY' && hostBody.cbId !== actor.cbId)) {
    throw new RuleViolation('CB_NOT_FOUND', `the deciding certification body ${actor.cbId ?? ''} is not on record`);
  }
  if (hostBody.country !== country) {
    throw new RuleViolation(
      'NOT_HOST_COUNTRY_PARTY',
      `${hostBody.cbId} (${hostBody.country}) may decide recognition only for its own country, not ${country}`,
      'country',
    );
  }
  if (state.lastDatedOn !== null) requireNotBackdated(decidedOn, state.lastDatedOn, 'decidedOn');
  if (certificate === null || certificate.number !== certificateNumber) {
    throw new RuleViolation('CERTIFICATE_NOT_FOUND', `certificate ${certificateNumber} does not exist`, 'certificateNumber');
  }
  if (issuingBody === null || issuingBody.cbId !== certificate.cbId) {
    throw new RuleViolation('CB_NOT_FOUND', `the issuing certification body ${certificate.cbId} is not on record`);
  }
  if (issuingBody.country === country) {
    throw new RuleViolation(
      'RECOGNITION_IN_HOME_COUNTRY',
      `certificate ${certificateNumber} is a home certificate in ${country}; recognition is decided only abroad`,
      'country',
    );
  }
  const hostStatus = accreditationStatusAt(hostBody, decidedOn);
  if (hostStatus !== 'ACTIVE') {
    throw new RuleViolation('HOST_CB_NOT_ACCREDITED', `${hostBody.cbId} is ${hostStatus} on ${decidedOn}`, 'decidedOn');
  }
  return { certificateNumber, country, decidedOn, certificate, issuingBody, hostBody };
}

/**
 * The standing to decide on recognition, the same for granting and revoking: the arrangement acted under exists,
 * both the issuing and the deciding CB are parties to it on the date, and it covers the certificate's scheme.
 */
function standing(arrangement: ArrangementTimeline | null, arrangementId: string, taken: Decision): ArrangementTimeline {
  const { decidedOn, certificate, issuingBody, hostBody } = taken;
  if (arrangement === null || arrangement.id !== arrangementId) {
    throw new RuleViolation('ARRANGEMENT_NOT_FOUND', `arrangement ${arrangementId} does not exist`, 'arrangementId');
  }
  if (!isPartyAt(arrangement, issuingBody.cbId, decidedOn)) {
    throw new RuleViolation('ISSUING_CB_NOT_PARTY', `${issuingBody.cbId} is not a party to ${arrangementId} on ${decidedOn}`, 'arrangementId');
  }
  if (!isPartyAt(arrangement, hostBody.cbId, decidedOn)) {
    throw new RuleViolation('HOST_CB_NOT_PARTY', `${hostBody.cbId} is not a party to ${arrangementId} on ${decidedOn}`, 'arrangementId');
  }
  if (!arrangementSchemesAt(arrangement, decidedOn).includes(certificate.schemeCode)) {
    throw new RuleViolation(
      'SCHEME_NOT_COVERED',
      `arrangement ${arrangementId} does not cover scheme ${certificate.schemeCode} on ${decidedOn}`,
      'arrangementId',
    );
  }
  return arrangement;
}

const STATUS_CODES: Record<Exclude<CertificateStatus, 'ACTIVE'>, RuleCode> = {
  SUSPENDED: 'CERTIFICATE_SUSPENDED',
  WITHDRAWN: 'CERTIFICATE_WITHDRAWN',
  CANCELLED: 'CERTIFICATE_CANCELLED',
  EXPIRED: 'CERTIFICATE_EXPIRED',
  NOT_YET_VALID: 'CERTIFICATE_NOT_YET_VALID',
};

function grant(command: GrantRecognition, state: RecognitionState): RecognitionEvent {
  const { data, actor, facts } = command;
  const arrangementId = requireText(data.arrangementId, 'arrangementId');
  const taken = decision(data, actor, facts, state);
  const { certificateNumber, country, decidedOn, certificate } = taken;
  notGranted(state, certificateNumber, country);
  requireActive(certificate, decidedOn, 'certificateNumber');
  const arrangement = standing(facts.arrangement, arrangementId, taken);
  requireOnApplicationInForce(arrangement, decidedOn);
  const conditions = optionalText(data.conditions);
  const validUntil = data.validUntil == null ? null : requireDate(data.validUntil, 'validUntil');
  if (validUntil !== null) requireEndAfterStart(decidedOn, validUntil, 'validUntil');
  // Written only when set, so that a grant without an end or an application keeps the shape grants always had.
  const applicationId = state.pending?.applicationId ?? null;
  return {
    type: 'RecognitionGranted',
    data: {
      certificateNumber,
      country,
      arrangementId,
      decidedOn,
      conditions,
      ...(validUntil === null ? {} : { validUntil }),
      ...(applicationId === null ? {} : { applicationId }),
    },
  };
}

function notGranted(state: RecognitionState, certificateNumber: string, country: string): void {
  if (state.decision.status === 'Granted') {
    throw new RuleViolation(
      'RECOGNITION_ALREADY_GRANTED',
      `certificate ${certificateNumber} is already recognized in ${country} under ${state.decision.arrangementId}`,
    );
  }
}

function requireActive(certificate: CertificateTimeline, on: CalendarDate, field: string): void {
  const status = certificateStatusAt(certificate, on);
  if (status !== 'ACTIVE') {
    throw new RuleViolation(STATUS_CODES[status], `certificate ${certificate.number} is ${status} on ${on}`, field);
  }
}

function requireOnApplicationInForce(arrangement: ArrangementTimeline, on: CalendarDate): void {
  if (arrangement.mode !== 'ON_APPLICATION') {
    throw new RuleViolation(
      'ARRANGEMENT_NOT_ON_APPLICATION',
      `arrangement ${arrangement.id} recognizes ${arrangement.mode}; applications and grants exist only under ON_APPLICATION`,
      'arrangementId',
    );
  }
  const status = arrangementStatusAt(arrangement, on);
  if (status !== 'IN_FORCE') {
    throw new RuleViolation('ARRANGEMENT_NOT_IN_FORCE', `arrangement ${arrangement.id} is ${status} on ${on}`, 'arrangementId');
  }
}

function optionalText(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

/**
 * The holder's CB applies: its own certificate, active on the date, to another country, under an ON_APPLICATION
 * arrangement in force to which it is party and which covers the scheme. One application at a time.
 */
function apply(command: ApplyForRecognition, state: RecognitionState): RecognitionEvent {
  const { data, actor, facts } = command;
  const certificateNumber = requireText(data.certificateNumber, 'certificateNumber');
  const country = requireCountry(data.country, 'country');
  const arrangementId = requireText(data.arrangementId, 'arrangementId');
  const appliedOn = requireDate(data.appliedOn, 'appliedOn');
  const { certificate, issuingBody, arrangement } = facts;
  if (certificate === null || certificate.number !== certificateNumber) {
    throw new RuleViolation('CERTIFICATE_NOT_FOUND', `certificate ${certificateNumber} does not exist`, 'certificateNumber');
  }
  if (actor.role === 'CERTIFICATION_BODY' && actor.cbId !== certificate.cbId) {
    throw new RuleViolation('NOT_OWN_CERTIFICATE', `certification body ${actor.cbId} may apply only for its own certificates`, 'certificateNumber');
  }
  if (issuingBody === null || issuingBody.cbId !== certificate.cbId) {
    throw new RuleViolation('CB_NOT_FOUND', `the issuing certification body ${certificate.cbId} is not on record`);
  }
  if (issuingBody.country === country) {
    throw new RuleViolation('RECOGNITION_IN_HOME_COUNTRY', `certificate ${certificateNumber} is a home certificate in ${country}`, 'country');
  }
  if (state.pending !== null) {
    throw new RuleViolation(
      'APPLICATION_ALREADY_PENDING',
      `application ${state.pending.applicationId} of ${state.pending.appliedOn} awaits ${country}'s decision`,
    );
  }
  notGranted(state, certificateNumber, country);
  if (state.lastDatedOn !== null) requireNotBackdated(appliedOn, state.lastDatedOn, 'appliedOn');
  requireActive(certificate, appliedOn, 'certificateNumber');
  if (arrangement === null || arrangement.id !== arrangementId) {
    throw new RuleViolation('ARRANGEMENT_NOT_FOUND', `arrangement ${arrangementId} does not exist`, 'arrangementId');
  }
  requireOnApplicationInForce(arrangement, appliedOn);
  if (!isPartyAt(arrangement, certificate.cbId, appliedOn)) {
    throw new RuleViolation('ISSUING_CB_NOT_PARTY', `${certificate.cbId} is not a party to ${arrangementId} on ${appliedOn}`, 'arrangementId');
  }
  if (!arrangementSchemesAt(arrangement, appliedOn).includes(certificate.schemeCode)) {
    throw new RuleViolation('SCHEME_NOT_COVERED', `arrangement ${arrangementId} does not cover scheme ${certificate.schemeCode} on ${appliedOn}`, 'arrangementId');
  }
  const applicationId = `${certificateNumber}/${country}/${state.applications + 1}`;
  const note = optionalText(data.note);
  return { type: 'RecognitionApplied', data: { applicationId, certificateNumber, country, arrangementId, appliedOn, note } };
}

/**
 * The host-country party declines to grant, deciding the pending application if there is one. A refusal needs
 * no certificate in good standing (a withdrawn certificate's application is refused, not left pending).
 */
function refuse(command: RefuseRecognition, state: RecognitionState): RecognitionEvent {
  const { data, actor, facts } = command;
  if (!isRefusalReason(data.reasonCode)) {
    throw new RuleViolation('INVALID_REFUSAL_REASON', `reasonCode must be one of ${REFUSAL_REASONS.join(', ')}`, 'reasonCode');
  }
  const taken = decision(data, actor, facts, state);
  const { certificateNumber, country, decidedOn } = taken;
  notGranted(state, certificateNumber, country);
  if (state.pending === null && state.decision.status === 'Refused') {
    throw new RuleViolation('RECOGNITION_ALREADY_REFUSED', `certificate ${certificateNumber} is already refused in ${country} and no new application is pending`);
  }
  if (state.pending === null && state.decision.status === 'Revoked') {
    throw new RuleViolation('RECOGNITION_ALREADY_REVOKED', `certificate ${certificateNumber} is already not recognized in ${country}`);
  }
  const arrangementId = data.arrangementId ?? state.pending?.arrangementId;
  if (arrangementId == null) {
    throw new RuleViolation('FIELD_REQUIRED', `name the arrangement under which ${certificateNumber} is refused in ${country}: no application is pending`, 'arrangementId');
  }
  const arrangement = standing(facts.arrangement, requireText(arrangementId, 'arrangementId'), taken);
  if (arrangement.mode !== 'ON_APPLICATION') {
    throw new RuleViolation('ARRANGEMENT_NOT_ON_APPLICATION', `arrangement ${arrangementId} recognizes ${arrangement.mode}: revoke instead`, 'arrangementId');
  }
  const note = optionalText(data.note);
  const applicationId = state.pending?.applicationId ?? null;
  return {
    type: 'RecognitionRefused',
    data: { certificateNumber, country, arrangementId: arrangement.id, decidedOn, reasonCode: data.reasonCode, note, applicationId },
  };
}

function revoke(command: RevokeRecognition, state: RecognitionState): RecognitionEvent {
  const { data, actor, facts } = command;
  const reason = requireText(data.reason, 'reason');
  const taken = decision(data, actor, facts, state);
  const { certificateNumber, country, decidedOn } = taken;
  if (state.decision.status === 'Revoked') {
    throw new RuleViolation('RECOGNITION_ALREADY_REVOKED', `certificate ${certificateNumber} is already not recognized in ${country}`);
  }
  // A grant is revoked under its own arrangement, by a host-country CB that is or was party to it (the granting
  // CB, or one that took its place), even after the issuing CB left or the scope changed; a recognition that was
  // not granted (AUTOMATIC) is refused under a named arrangement, with the standing a grant would need.
  const granted = state.decision.status === 'Granted' ? state.decision.arrangementId : null;
  const arrangementId = data.arrangementId ?? granted;
  if (arrangementId == null) {
    throw new RuleViolation(
      'FIELD_REQUIRED',
      `name the arrangement under which ${certificateNumber} is refused in ${country}: it was not granted by decision`,
      'arrangementId',
    );
  }
  if (granted === null) {
    standing(facts.arrangement, arrangementId, taken);
  } else if (arrangementId !== granted || facts.arrangement?.id !== granted) {
    throw new RuleViolation('ARRANGEMENT_NOT_FOUND', `certificate ${certificateNumber} was granted in ${country} under ${granted}, not ${arrangementId}`, 'arrangementId');
  } else if (!everParties(facts.arrangement).includes(taken.hostBody.cbId)) {
    throw new RuleViolation('HOST_CB_NOT_PARTY', `${taken.hostBody.cbId} was never a party to ${granted}, under which the grant was made`, 'arrangementId');
  }
  return { type: 'RecognitionRevoked', data: { certificateNumber, country, decidedOn, reason } };
}

function decide(command: RecognitionCommand, state: RecognitionState): RecognitionEvent[] {
  switch (command.type) {
    case 'ApplyForRecognition':
      return [apply(command, state)];
    case 'GrantRecognition':
      return [grant(command, state)];
    case 'RefuseRecognition':
      return [refuse(command, state)];
    case 'RevokeRecognition':
      return [revoke(command, state)];
    default:
      return unreachable(command);
  }
}

export const recognitionDecider: Decider<RecognitionState, RecognitionCommand, RecognitionEvent> = {
  initialState,
  evolve,
  decide,
};
