import { arrangementSchemesAt, arrangementStatusAt, everParties, isPartyAt } from '../arrangements/standing';
import { certificateStatusAt, type CertificateStatus } from '../certificates/standing';
import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import { accreditationStatusAt } from '../certification-bodies/standing';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';
import { requireCountry, requireDate, requireNotBackdated, requireText } from '../shared/checks';
import { unreachable, type Decider } from '../shared/decider';
import type { RuleCode } from '../shared/rule-codes';
import { RuleViolation } from '../shared/rule-violation';
import type { DecisionFacts, GrantRecognition, RecognitionCommand, RevokeRecognition } from './commands';
import type { RecognitionEvent } from './events';

export type RecognitionState =
  | { status: 'Undecided' }
  | { status: 'Granted'; arrangementId: string; lastDecidedOn: CalendarDate }
  | { status: 'Revoked'; lastDecidedOn: CalendarDate };

const initialState = (): RecognitionState => ({ status: 'Undecided' });

function evolve(_state: RecognitionState, event: RecognitionEvent): RecognitionState {
  switch (event.type) {
    case 'RecognitionGranted':
      return { status: 'Granted', arrangementId: event.data.arrangementId, lastDecidedOn: event.data.decidedOn };
    case 'RecognitionRevoked':
      return { status: 'Revoked', lastDecidedOn: event.data.decidedOn };
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
  if (state.status !== 'Undecided') requireNotBackdated(decidedOn, state.lastDecidedOn, 'decidedOn');
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
  if (state.status === 'Granted') {
    throw new RuleViolation(
      'RECOGNITION_ALREADY_GRANTED',
      `certificate ${certificateNumber} is already recognized in ${country} under ${state.arrangementId}`,
    );
  }
  const status = certificateStatusAt(certificate, decidedOn);
  if (status !== 'ACTIVE') {
    throw new RuleViolation(STATUS_CODES[status], `certificate ${certificateNumber} is ${status} on ${decidedOn}`, 'certificateNumber');
  }
  const arrangement = standing(facts.arrangement, arrangementId, taken);
  if (arrangement.mode !== 'ON_APPLICATION') {
    throw new RuleViolation(
      'ARRANGEMENT_NOT_ON_APPLICATION',
      `arrangement ${arrangementId} recognizes ${arrangement.mode}; grants exist only under ON_APPLICATION`,
      'arrangementId',
    );
  }
  const arrangementStatus = arrangementStatusAt(arrangement, decidedOn);
  if (arrangementStatus !== 'IN_FORCE') {
    throw new RuleViolation('ARRANGEMENT_NOT_IN_FORCE', `arrangement ${arrangementId} is ${arrangementStatus} on ${decidedOn}`, 'arrangementId');
  }
  const conditions = data.conditions == null || data.conditions.trim() === '' ? null : data.conditions;
  return { type: 'RecognitionGranted', data: { certificateNumber, country, arrangementId, decidedOn, conditions } };
}

function revoke(command: RevokeRecognition, state: RecognitionState): RecognitionEvent {
  const { data, actor, facts } = command;
  const reason = requireText(data.reason, 'reason');
  const taken = decision(data, actor, facts, state);
  const { certificateNumber, country, decidedOn } = taken;
  if (state.status === 'Revoked') {
    throw new RuleViolation('RECOGNITION_ALREADY_REVOKED', `certificate ${certificateNumber} is already not recognized in ${country}`);
  }
  // A grant is revoked under its own arrangement, by a host-country CB that is or was party to it (the granting
  // CB, or one that took its place), even after the issuing CB left or the scope changed; a recognition that was
  // not granted (AUTOMATIC) is refused under a named arrangement, with the standing a grant would need.
  const granted = state.status === 'Granted' ? state.arrangementId : null;
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
    case 'GrantRecognition':
      return [grant(command, state)];
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
